namespace Dashboard.Domain.Common;

/// <summary>
/// AUTH-08: sensitive actions (keys, IPN endpoint and signing secret) need a fresh re-authentication. The web layer
/// records when the user last confirmed their password in this circuit; services call <see cref="Demand"/>.
/// </summary>
public interface IStepUpAuthentication
{
    bool IsFresh { get; }

    /// <summary>Throws <see cref="ReauthenticationRequiredException"/> unless the user re-authenticated recently.</summary>
    void Demand();
}
