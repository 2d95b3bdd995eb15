using Dashboard.Domain.Performance;

namespace Dashboard.Infrastructure;

/// <summary>
/// Runs the claims and chargebacks deadline job on the server clock: at start-up, then every minute. The job is
/// idempotent, so a restart or a second server running it does no harm.
/// </summary>
public sealed class PerformanceDeadlineService(PerformanceDeadlineJob job, TimeProvider clock, ILogger<PerformanceDeadlineService> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var result = await job.RunAsync(stoppingToken);
                if (result.ClaimsAssigned + result.ChargebacksExpired + result.Reminders > 0)
                    log.LogInformation("Deadline job: {Claims} claims assigned, {Chargebacks} chargebacks expired, {Reminders} reminders",
                        result.ClaimsAssigned, result.ChargebacksExpired, result.Reminders);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The deadline job failed; it runs again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
