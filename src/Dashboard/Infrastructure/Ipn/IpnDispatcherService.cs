using System.Globalization;
using System.Net.Mail;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;
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
/// E-mails the merchant's admins when an endpoint keeps failing. They stand in for the technical contact until the
/// notification preferences (another section) store one.
/// </summary>
public sealed class EmailIpnFailureAlert(SystemDbContextFactory contexts, SmtpEmailSender mail, IOptions<SmtpOptions> smtp,
    IStringLocalizer<UiText> text, ILogger<EmailIpnFailureAlert> log) : IIpnFailureAlert
{
    public async Task EndpointFailingAsync(Guid merchantId, PaymentEnvironment environment, string url, int consecutiveFailures, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var admins = await (from m in db.MerchantMembers
                            join u in db.Users on m.UserId equals u.Id
                            where m.MerchantId == merchantId && m.IsAdmin && u.Email != null
                            select new { u.Email, u.PreferredCulture }).ToListAsync(ct);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var admin in admins)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(admin.PreferredCulture);
                using var message = new MailMessage
                {
                    From = new MailAddress(smtp.Value.From),
                    Subject = text["Mail.IpnFailingSubject", text[$"Environment.{environment}"]],
                    Body = text["Mail.IpnFailingBody", consecutiveFailures, url, text[$"Environment.{environment}"]],
                };
                message.To.Add(new MailAddress(admin.Email!));
                await mail.DeliverAsync(message);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        log.LogWarning("IPN endpoint of merchant {MerchantId} ({Environment}) failing; {Count} admins alerted", merchantId, environment, admins.Count);
    }
}
