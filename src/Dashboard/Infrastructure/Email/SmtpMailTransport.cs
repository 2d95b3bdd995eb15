using System.Net;
using System.Net.Mail;
using System.Text;
using Dashboard.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Email;

/// <summary>Delivers through System.Net.Mail: the configured SMTP server, or .eml files in the pickup directory.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(o.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Body ?? "",
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = true,
        };
        mail.To.Add(new MailAddress(message.Recipient));
        mail.Headers.Add("Content-Language", message.Culture);
        mail.Headers.Add("X-Seller-Central-Template", message.TemplateKey);

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
        await client.SendMailAsync(mail, ct);
    }
}
