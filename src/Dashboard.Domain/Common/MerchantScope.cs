namespace Dashboard.Domain.Common;

/// <summary>
/// Whose data a unit of work may see. Every query of merchant-owned rows is filtered by it; an empty scope sees
/// nothing (deny by default). <see cref="System"/> is for start-up, demo data and background jobs only.
/// </summary>
public interface IMerchantScope
{
    Guid MerchantId { get; }
    PaymentEnvironment Environment { get; }
    bool IsSystem { get; }
}

public sealed record MerchantScope(Guid MerchantId, PaymentEnvironment Environment) : IMerchantScope
{
    public bool IsSystem { get; private init; }

    /// <summary>Sees and writes every merchant's rows: start-up, seeding and background jobs, never a user request.</summary>
    public static MerchantScope System { get; } = new(Guid.Empty, PaymentEnvironment.Sandbox) { IsSystem = true };

    /// <summary>Sees nothing: the scope of an anonymous request or of a user without a membership.</summary>
    public static MerchantScope None { get; } = new(Guid.Empty, PaymentEnvironment.Sandbox);
}
