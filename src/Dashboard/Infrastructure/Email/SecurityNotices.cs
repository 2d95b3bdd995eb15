using Dashboard.Domain.Notifications;
using Dashboard.Domain.Users;

namespace Dashboard.Infrastructure.Email;

/// <summary>AUTH-06: tells the user by mail, in their language, after a password, e-mail or two-step change —
/// what changed and when, never a secret.</summary>
public sealed class SecurityNotices(EmailOutbox outbox, TimeProvider clock)
{
    /// <param name="changeKey">UiText key describing the change, e.g. "Security.PasswordChanged".</param>
    /// <param name="toAddress">Another address than the user's current one (the old address on an e-mail change).</param>
    public async Task NotifyAsync(DashboardUser user, string changeKey, string? toAddress = null)
    {
        var recipient = toAddress ?? user.Email;
        if (recipient is null) return;
        var when = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(new MailRequest(recipient, user.DisplayName, user.PreferredCulture, MailTemplatesKeys.SecurityChange,
            [LocalizedMailRenderer.ResourcePrefix + changeKey, when]));
    }
}
