using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Infrastructure.Data;

/// <summary>The database answers a query within a few seconds (what a load balancer needs to know about an instance).</summary>
public sealed class DatabaseHealthCheck(SystemDbContextFactory contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var db = contexts.CreateDbContext();
            // The database exists (SQLite would otherwise create an empty file) and a real table answers.
            if (!await db.Database.CanConnectAsync(timeout.Token)) return HealthCheckResult.Unhealthy("database unreachable");
            await db.Merchants.AsNoTracking().Select(m => m.Id).FirstOrDefaultAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log, never to the anonymous caller.
            return HealthCheckResult.Unhealthy("database unavailable", e);
        }
    }
}

public static class HealthEndpoint
{
    public const string Path = "/health";

    /// <summary>Anonymous <c>GET /health</c>: 200 "Healthy" or 503 "Unhealthy", no details, never cached.</summary>
    public static void MapHealthEndpoint(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy");
            },
        }).AllowAnonymous();
}
