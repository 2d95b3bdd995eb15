using Dashboard.Domain.Common;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;
using Radzen;

namespace Dashboard.Infrastructure;

/// <summary>
/// The one seam for expected failures in interactive pages: a refused business rule, a missing object or a missing
/// permission becomes a notification in the user's language and the circuit lives on. Anything else is logged and
/// reported generically (no internals reach the browser).
/// </summary>
public sealed class UiFeedback(NotificationService notifications, DialogService dialogs, IStringLocalizer<UiText> text, ILogger<UiFeedback> log)
{
    /// <param name="fieldErrors">Receives the failed fields of a form (field → message key) instead of a notification.</param>
    /// <returns>true when the action completed.</returns>
    public async Task<bool> RunAsync(Func<Task> action, string? successKey = null, Action<IReadOnlyDictionary<string, string>>? fieldErrors = null)
    {
        try
        {
            try
            {
                await action();
            }
            catch (ReauthenticationRequiredException)
            {
                // AUTH-08: ask for the password, then run the action once more (the service checks again).
                var confirmed = await dialogs.OpenAsync<Components.Shared.ConfirmPasswordDialog>(text["Reauth.Title"], options: Components.Shared.DialogFocus.Options());
                if (confirmed is not true) return false;
                await action();
            }
            if (successKey is not null) notifications.Notify(NotificationSeverity.Success, text[successKey]);
            return true;
        }
        catch (InvalidFieldsException e) when (fieldErrors is not null)
        {
            fieldErrors(e.Errors);
        }
        catch (DomainRuleException e)
        {
            notifications.Notify(NotificationSeverity.Warning, Message(e));
        }
        catch (NotFoundException)
        {
            notifications.Notify(NotificationSeverity.Warning, text["Shell.NotFoundText"]);
        }
        catch (ForbiddenException)
        {
            notifications.Notify(NotificationSeverity.Error, text["Shell.AccessDeniedText"]);
        }
        catch (Exception e) when (Data.DatabaseAvailability.IsUnavailable(e))
        {
            log.LogWarning("Database unavailable during an interactive action: {Reason}", e.GetBaseException().Message);
            notifications.Notify(NotificationSeverity.Warning, text["Shell.DatabaseUnavailable"]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Unexpected failure in an interactive action");
            notifications.Notify(NotificationSeverity.Error, text["Shell.UnexpectedError"]);
        }
        return false;
    }

    /// <summary>The localized text of a refused rule, its arguments filled in.</summary>
    public string Message(DomainRuleException e)
    {
        var localized = text[e.MessageKey, e.Args];
        return localized.ResourceNotFound ? text["Error.Generic"] : localized.Value;
    }
}
