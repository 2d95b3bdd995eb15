namespace Dashboard.Domain.Common;

/// <summary>
/// Who is acting and what they may do in the current merchant. Services call <see cref="Demand"/> on every operation
/// (AC-03: hiding a button is not authorization). The web layer's CurrentView implements it from the signed-in user.
/// </summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? UserName { get; }
    string? IpAddress { get; }

    /// <summary>Throws <see cref="ForbiddenException"/> unless the actor holds at least <paramref name="level"/> on <paramref name="section"/>.</summary>
    void Demand(Section section, PermissionLevel level);

    /// <summary>When the actor last confirmed their password in this session (step-up, AUTH-08); null if never.</summary>
    DateTime? ReauthenticatedUtc => null;
}
