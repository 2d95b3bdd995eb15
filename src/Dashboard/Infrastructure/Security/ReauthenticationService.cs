using Dashboard.Components.Shared;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Radzen;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-08 step-up: the user confirms their password in a dialog and the circuit remembers when, for five minutes.
/// Pages call <see cref="EnsureAsync"/> before a sensitive action; domain services re-check through
/// <see cref="IStepUpAuthentication.Demand"/>. (Password only for now; a TOTP step for 2FA users can join here.)
/// </summary>
public sealed class ReauthenticationService(
    CurrentView view,
    UserManager<DashboardUser> users,
    AuditService audit,
    DialogService dialogs,
    IStringLocalizer<UiText> text,
    TimeProvider clock) : IStepUpAuthentication
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    private DateTime? _confirmedUtc;

    public bool IsFresh => _confirmedUtc is { } t && clock.GetUtcNow().UtcDateTime - t < Validity;

    public void Demand()
    {
        if (!IsFresh) throw new ReauthenticationRequiredException();
    }

    /// <summary>True when the user re-authenticated within the last five minutes or does so now in the dialog.</summary>
    public async Task<bool> EnsureAsync()
    {
        if (IsFresh) return true;
        var result = await dialogs.OpenAsync<ConfirmPasswordDialog>(text["Reauth.Title"],
            options: new DialogOptions { Width = "420px", CloseDialogOnOverlayClick = false });
        return result is true && IsFresh;
    }

    /// <returns>true when the password is the signed-in user's; failures count towards the lockout (AUTH-03).</returns>
    public async Task<bool> ConfirmPasswordAsync(string password)
    {
        var user = view.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null) return false;
        var ok = !await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, password);
        if (ok)
        {
            await users.ResetAccessFailedCountAsync(user);
            _confirmedUtc = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            await users.AccessFailedAsync(user);
        }
        await audit.RecordAsync(new AuditRecord(ok ? "auth.reauthenticated" : "auth.reauthentication-failed", ok, view.UserId, view.UserName,
            view.Merchant?.Id, view.Environment, "User", view.UserId, view.IpAddress));
        return ok;
    }
}
