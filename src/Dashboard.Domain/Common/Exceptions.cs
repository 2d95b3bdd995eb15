namespace Dashboard.Domain.Common;

/// <summary>An expected refusal: a business rule said no. The UI shows <see cref="Exception.Message"/> (a resource key) to the user.</summary>
public class DomainRuleException(string messageKey, params object[] args) : Exception(messageKey)
{
    /// <summary>Localizer key for the message; <see cref="Args"/> fill its placeholders.</summary>
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;
}

/// <summary>The object does not exist in the current merchant scope (another merchant's id looks exactly like a missing one).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The current user may not do this in the current merchant.</summary>
public sealed class ForbiddenException(string what) : Exception($"Forbidden: {what}.");

/// <summary>
/// Someone else saved the same object since this editor loaded it (BL-01): the user reloads instead of silently
/// overwriting. <see cref="ChangedBy"/> and <see cref="ChangedUtc"/> say who and when, when known.
/// </summary>
public sealed class ConcurrencyConflictException(string? changedBy, DateTime? changedUtc)
    : DomainRuleException(changedBy is null ? "Error.ChangedConcurrently" : "Error.ChangedByOther", changedBy ?? "",
        changedUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "")
{
    public string? ChangedBy { get; } = changedBy;
    public DateTime? ChangedUtc { get; } = changedUtc;
}

/// <summary>The action is sensitive and the actor has not confirmed their password in the last five minutes (AUTH-08).</summary>
public sealed class ReauthenticationRequiredException() : DomainRuleException("Error.ReauthenticationRequired")
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static void Demand(ICurrentActor actor, DateTime nowUtc)
    {
        if (actor.ReauthenticatedUtc is not { } at || nowUtc - at > Window || at > nowUtc) throw new ReauthenticationRequiredException();
    }
}

/// <summary>A form's fields that failed, each with its message key (field name → key), so the UI shows every error on its field.</summary>
public sealed class InvalidFieldsException(IReadOnlyDictionary<string, string> errors) : DomainRuleException(errors.Values.First())
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    /// <summary>Throws when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(IReadOnlyDictionary<string, string> errors)
    {
        if (errors.Count > 0) throw new InvalidFieldsException(errors);
    }

    public static InvalidFieldsException For(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}
