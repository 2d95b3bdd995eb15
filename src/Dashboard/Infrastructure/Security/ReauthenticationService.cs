using Dashboard.Components.Shared;
using Dashboard.Domain.Common;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;
using Radzen;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-08 step-up for pages: <see cref="EnsureAsync"/> opens the password dialog (see <see cref="Reauthentication"/>)
/// unless the user confirmed within five minutes; domain services re-check through <see cref="IStepUpAuthentication"/>,
/// which reads the same circuit state as <see cref="ReauthenticationRequiredException.Demand"/>.
/// </summary>
public sealed class ReauthenticationService(CurrentView view, DialogService dialogs, IStringLocalizer<UiText> text, TimeProvider clock)
    : IStepUpAuthentication
{
    public bool IsFresh
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return view.ReauthenticatedUtc is { } at && at <= now && now - at <= ReauthenticationRequiredException.Window;
        }
    }

    public void Demand() => ReauthenticationRequiredException.Demand(view, clock.GetUtcNow().UtcDateTime);

    /// <summary>True when the user re-authenticated within the last five minutes or does so now in the dialog.</summary>
    public async Task<bool> EnsureAsync()
    {
        if (IsFresh) return true;
        var result = await dialogs.OpenAsync<ConfirmPasswordDialog>(text["Reauth.Title"],
            options: Components.Shared.DialogFocus.Options("420px", closeOnOverlayClick: false));
        return result is true && IsFresh;
    }
}
