using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboardWeb();

var app = builder.Build();
app.ValidateConfiguration();
await app.PrepareDatabaseAsync();

// One-off commands (create-admin, seed-transactions) run against the same services and exit.
if (await DashboardCommands.TryRunAsync(app, args)) return;

app.UseDashboardWeb();
app.Lifetime.ApplicationStarted.Register(() => app.PrintSignInAddress());
app.Run();

public partial class Program;
