using System.Net;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Email;

/// <summary>Identity's account mails (password reset, e-mail confirmation), queued in the outbox in the recipient's language.</summary>
public sealed class OutboxEmailSender(EmailOutbox outbox) : IEmailSender<DashboardUser>
{
    public Task SendConfirmationLinkAsync(DashboardUser user, string email, string confirmationLink) =>
        QueueAsync(user, email, MailTemplates.Confirm, WebUtility.HtmlDecode(confirmationLink));

    public Task SendPasswordResetLinkAsync(DashboardUser user, string email, string resetLink) =>
        QueueAsync(user, email, MailTemplates.Reset, WebUtility.HtmlDecode(resetLink));

    public Task SendPasswordResetCodeAsync(DashboardUser user, string email, string resetCode) =>
        QueueAsync(user, email, MailTemplates.ResetCode, resetCode);

    // Identity hands over links already HTML-encoded; the renderer encodes every argument, so decode first.
    private Task QueueAsync(DashboardUser user, string email, string template, string linkOrCode) =>
        outbox.EnqueueAsync(new MailRequest(email, user.DisplayName, user.PreferredCulture, template, [linkOrCode]));
}
