using System.Globalization;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Infrastructure.Data;
using Dashboard.Domain.Notifications;
using Dashboard.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Ipn;

public sealed class IpnDispatchOptions
{
    public const string SectionName = "Ipn";

    /// <summary>How often the outbox is polled; deliveries are at-least-once whatever the interval.</summary>
    public double PollSeconds { get; set; } = 5;
}

/// <summary>Runs the IPN dispatcher in the background; one failing round is logged and the next round tries again.</summary>
public sealed class IpnDispatcherService(IpnDispatcher dispatcher, IOptions<IpnDispatchOptions> options, ILogger<IpnDispatcherService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Drain: keep going while full batches come back.
                while (await dispatcher.DispatchDueAsync(stoppingToken) >= IpnDispatcher.BatchSize) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "IPN dispatch round failed");
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}

/// <summary>
/// E-mails the merchant's technical contacts (Settings › Notification preferences) when an endpoint keeps failing,
/// through the e-mail outbox; without a technical address, the merchant's admins get it.
/// </summary>
public sealed class EmailIpnFailureAlert(SystemDbContextFactory contexts, IServiceScopeFactory scopes, ILogger<EmailIpnFailureAlert> log)
    : IIpnFailureAlert
{
    public async Task EndpointFailingAsync(Guid merchantId, PaymentEnvironment environment, string url, int consecutiveFailures, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        string[] args = [consecutiveFailures.ToString(CultureInfo.InvariantCulture), url, $"{LocalizedMailRenderer.ResourcePrefix}Environment.{environment}"];
        var sent = await NotificationPreferencesService.EnqueueForCategoryAsync(contexts, outbox, merchantId, NotificationCategory.Technical,
            "IpnFailing", args, "en", ct);
        if (sent == 0)
        {
            await using var db = contexts.CreateDbContext();
            var admins = await (from m in db.MerchantMembers
                                join u in db.Users on m.UserId equals u.Id
                                where m.MerchantId == merchantId && m.IsAdmin && u.Email != null
                                select new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
            await outbox.EnqueueAsync(admins.Select(a => new MailRequest(a.Email!, a.DisplayName, a.PreferredCulture, "IpnFailing", args, merchantId)).ToList(), ct);
            sent = admins.Count;
        }
        log.LogWarning("IPN endpoint of merchant {MerchantId} ({Environment}) failing; {Count} recipients alerted", merchantId, environment, sent);
    }
}
