using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text.Encodings.Web;
using Dashboard.Domain.Users;
using Dashboard.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Email;

/// <summary>Sends Identity's account mails (password reset, e-mail confirmation) in the recipient's language.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IStringLocalizer<UiText> text, ILogger<SmtpEmailSender> log)
    : IEmailSender<DashboardUser>
{
    public Task SendConfirmationLinkAsync(DashboardUser user, string email, string confirmationLink) =>
        SendAsync(user, email, "Mail.ConfirmSubject", "Mail.ConfirmBody", confirmationLink);

    public Task SendPasswordResetLinkAsync(DashboardUser user, string email, string resetLink) =>
        SendAsync(user, email, "Mail.ResetSubject", "Mail.ResetBody", resetLink);

    public Task SendPasswordResetCodeAsync(DashboardUser user, string email, string resetCode) =>
        SendAsync(user, email, "Mail.ResetSubject", "Mail.ResetCodeBody", resetCode);

    private async Task SendAsync(DashboardUser user, string email, string subjectKey, string bodyKey, string linkOrCode)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(user.PreferredCulture);
            // Identity hands over links already HTML-encoded; codes are plain text.
            var value = linkOrCode.StartsWith("http", StringComparison.Ordinal) ? linkOrCode : HtmlEncoder.Default.Encode(linkOrCode);
            var body = $"<p>{HtmlEncoder.Default.Encode(text["Mail.Greeting", user.DisplayName])}</p><p>{text[bodyKey, value]}</p>";
            using var message = new MailMessage { From = new MailAddress(options.Value.From), Subject = text[subjectKey], Body = body, IsBodyHtml = true };
            message.To.Add(new MailAddress(email));
            await DeliverAsync(message);
            // Never log the link or code: they are credentials.
            log.LogInformation("Sent {Template} mail to user {UserId}", subjectKey, user.Id);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    internal async Task DeliverAsync(MailMessage message)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(o.Host))
        {
            client.Host = o.Host;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }
        else if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = o.PickupDirectory;
        }
        else
        {
            throw new InvalidOperationException("No SMTP host and no pickup directory are configured (section Smtp).");
        }
        await client.SendMailAsync(message);
    }
}
