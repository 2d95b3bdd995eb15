using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Data;

/// <summary>
/// Command-line verbs of the portal, run instead of the web server:
/// <c>create-admin --email a@b.example --merchant "Legal name" [--country FR] [--currency EUR] [--base-url https://portal.example]</c>
/// creates a merchant and its first admin and prints a one-time link to choose a password (the first-run path of a real
/// deployment: no default accounts exist outside Development).
/// </summary>
public static class DashboardCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "create-admin":
                Environment.ExitCode = await CreateAdminAsync(app, Options(args));
                return true;
            case "seed-transactions":
                Environment.ExitCode = await SeedTransactionsAsync(app, args);
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) result[args[i][2..]] = args[++i];
        }
        return result;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, Dictionary<string, string> o)
    {
        if (!o.TryGetValue("email", out var email) || !o.TryGetValue("merchant", out var legalName))
        {
            Console.Error.WriteLine("usage: create-admin --email <address> --merchant \"<legal name>\" [--country FR] [--currency EUR] [--base-url <url>]");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var result = await CreateAdminAsync(scope.ServiceProvider, new CreateAdminRequest(email, legalName,
            o.GetValueOrDefault("country", "FR").ToUpperInvariant(), o.GetValueOrDefault("currency", "EUR").ToUpperInvariant(),
            o.GetValueOrDefault("base-url", "http://localhost:5000")));
        if (result.Error is not null)
        {
            Console.Error.WriteLine("Refused: " + result.Error);
            return 2;
        }
        Console.WriteLine($"Merchant {legalName} created with merchant id {result.MerchantCode}.");
        Console.WriteLine($"Admin: {email}. Open this one-time link to choose a password:");
        Console.WriteLine(result.PasswordSetupLink);
        return 0;
    }

    /// <summary>
    /// <c>seed-transactions 1000000 [--merchant A2FRLUMIERE001] [--environment Production] [--days 90]</c>: adds about
    /// that many payment transactions to one merchant through the ledger (for benchmarks), spread over the last days.
    /// </summary>
    private static async Task<int> SeedTransactionsAsync(WebApplication app, string[] args)
    {
        var o = Options(args);
        if (args.Length < 2 || !int.TryParse(args[1], out var target) || target <= 0)
        {
            Console.Error.WriteLine("usage: seed-transactions <count> [--merchant <merchant id>] [--environment Sandbox|Production] [--days 90]");
            return 2;
        }
        var environment = Enum.TryParse<PaymentEnvironment>(o.GetValueOrDefault("environment", "Production"), true, out var env) ? env : PaymentEnvironment.Production;
        var days = int.TryParse(o.GetValueOrDefault("days", "90"), out var d) && d > 0 ? d : 90;
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var contexts = sp.GetRequiredService<SystemDbContextFactory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        Merchant? merchant;
        await using (var db = contexts.CreateDbContext())
        {
            merchant = o.TryGetValue("merchant", out var code)
                ? await db.Merchants.FirstOrDefaultAsync(m => m.MerchantCode == code)
                : await db.Merchants.OrderBy(m => m.CreatedUtc).ThenBy(m => m.MerchantCode).FirstOrDefaultAsync();
        }
        if (merchant is null)
        {
            Console.Error.WriteLine("No such merchant. Run the portal once with demo data, or create-admin first.");
            return 2;
        }

        // The generator writes about 2.5 transactions per order (authorization, captures, refunds, cancels; fewer in
        // the Sandbox, where many authorizations expire within 2 days).
        var ordersPerDay = Math.Max(1, (int)Math.Ceiling(target / 2.5 / days));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var generator = new DemoActivityGenerator(new LedgerService(contexts, clock), new SettlementService(contexts, clock));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var summary = await generator.GenerateAsync(
            new DemoActivityRequest(merchant.Id, merchant.Currency, merchant.CountryCode, environment, today.AddDays(-days), days, ordersPerDay),
            new Random(target), app.Lifetime.ApplicationStopping);
        await using var count = contexts.CreateDbContext();
        var transactions = await count.PaymentTransactions.CountAsync(t => t.MerchantId == merchant.Id && t.Environment == environment);
        Console.WriteLine($"{merchant.LegalName} {environment}: {summary.Orders} orders, {summary.EventsApplied} events, " +
            $"{summary.Settlements} settlements in {started.Elapsed.TotalSeconds:F0} s; {transactions} transactions in this view now.");
        return 0;
    }

    public sealed record CreateAdminRequest(string Email, string LegalName, string Country, string Currency, string BaseUrl);

    public sealed record CreateAdminResult(string? MerchantCode, string? PasswordSetupLink, string? Error);

    /// <summary>Creates a merchant and its first admin (a new user without password, or an existing one) and returns a
    /// one-time password-setup link.</summary>
    public static async Task<CreateAdminResult> CreateAdminAsync(IServiceProvider sp, CreateAdminRequest request)
    {
        var users = sp.GetRequiredService<UserManager<DashboardUser>>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = sp.GetRequiredService<SystemDbContextFactory>().CreateDbContext();

        Merchant merchant;
        try
        {
            merchant = new Merchant(Merchant.NewMerchantCode(), request.LegalName, request.Country, request.Currency, now);
        }
        catch (DomainRuleException e)
        {
            return new CreateAdminResult(null, null, $"{e.MessageKey} {string.Join(", ", e.Args)}");
        }

        var user = await users.FindByEmailAsync(request.Email);
        if (user is null)
        {
            user = new DashboardUser { UserName = request.Email, Email = request.Email, EmailConfirmed = true, DisplayName = request.Email, CreatedUtc = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return new CreateAdminResult(null, null, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Merchants.Add(merchant);
        db.MerchantMembers.Add(new MerchantMember(merchant.Id, user.Id, isAdmin: true, now));
        await db.SaveChangesAsync();
        var tracked = await db.Users.FirstAsync(u => u.Id == user.Id);
        tracked.SelectedMerchantId ??= merchant.Id;
        await db.SaveChangesAsync();
        await sp.GetRequiredService<AuditService>().RecordAsync(new AuditRecord(
            AuditActions.MerchantCreated, true, ActorName: "create-admin", MerchantId: merchant.Id, TargetType: "User", TargetId: user.Id));

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return new CreateAdminResult(merchant.MerchantCode, $"{request.BaseUrl.TrimEnd('/')}/Account/ResetPassword?code={code}", null);
    }
}
