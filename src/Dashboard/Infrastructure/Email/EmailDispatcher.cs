using Dashboard.Domain.Notifications;
using Dashboard.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Email;

/// <summary>Delivers queued mail: at once when something is queued, otherwise every poll interval (retries with backoff).</summary>
public sealed class EmailDispatcher(
    SystemDbContextFactory contexts,
    IMailRenderer renderer,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<SmtpOptions> options,
    ILogger<EmailDispatcher> log) : BackgroundService
{
    /// <summary>One pass over the due messages; the loop calls it, and tests call it with their own clock.</summary>
    public Task<int> DispatchDueAsync(DateTime nowUtc, CancellationToken ct = default) =>
        new EmailOutbox(contexts, renderer, clock).DispatchDueAsync(nowUtc, transport, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (sent > 0) log.LogInformation("Delivered {Count} queued mail(s)", sent);
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Mail dispatch pass failed");
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
