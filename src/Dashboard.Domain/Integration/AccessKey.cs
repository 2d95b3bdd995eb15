using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>
/// An access key id + secret that signs Reports API requests (seed 000's MWS access keys). The secret is kept encrypted
/// because HMAC verification needs it; the UI sees only its last four characters after the one-time display.
/// </summary>
public sealed class AccessKey : IEnvironmentOwned
{
    public const int NameMaxLength = 80;
    public const int PublicIdLength = 24;
    public const int MaxActivePerEnvironment = 2;
    public static readonly TimeSpan MaxRollOverlap = TimeSpan.FromDays(7);

    private AccessKey() { }

    public AccessKey(Guid merchantId, PaymentEnvironment environment, string name, string protectedSecret, string secretLast4,
        string createdBy, DateTime createdUtc)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength) throw new DomainRuleException("Error.KeyNameInvalid", NameMaxLength);
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        PublicId = NewPublicId(environment);
        Name = name;
        ProtectedSecret = protectedSecret;
        SecretLast4 = secretLast4;
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }

    /// <summary>The access key id sent with every request; its prefix tells the environment (AKTEST…/AKLIVE…).</summary>
    public string PublicId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public string SecretLast4 { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime? LastUsedUtc { get; private set; }
    public DateTime? ExpiresUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedUtc is null && (ExpiresUtc is null || ExpiresUtc > nowUtc);

    public static string NewPublicId(PaymentEnvironment environment)
    {
        var prefix = "AK" + Secrets.EnvironmentTag(environment).ToUpperInvariant();
        return prefix + Secrets.NewCode(PublicIdLength - prefix.Length);
    }

    /// <summary>Rolling: the old key stays valid until <paramref name="expiresUtc"/> (now … 7 days), then is refused.</summary>
    public void ExpireAt(DateTime expiresUtc, DateTime nowUtc)
    {
        if (!IsActiveAt(nowUtc)) throw new DomainRuleException("Error.KeyNotActive");
        if (expiresUtc < nowUtc || expiresUtc > nowUtc + MaxRollOverlap) throw new DomainRuleException("Error.KeyOverlapInvalid");
        ExpiresUtc = expiresUtc;
    }

    public void Revoke(DateTime nowUtc)
    {
        if (RevokedUtc is not null) throw new DomainRuleException("Error.KeyNotActive");
        RevokedUtc = nowUtc;
    }

    public void MarkUsed(DateTime nowUtc) => LastUsedUtc = nowUtc;
}

/// <summary>
/// A delegated token (seed 002's MWSAuthToken) that a shop system presents with the merchant id. It is a bearer
/// token, so only its SHA-256 is stored (KEY-02).
/// </summary>
public sealed class DelegatedToken : IEnvironmentOwned
{
    public const int LabelMaxLength = 80;

    private DelegatedToken() { }

    public DelegatedToken(Guid merchantId, PaymentEnvironment environment, string label, string tokenHash, string last4,
        string createdBy, DateTime createdUtc)
    {
        label = (label ?? "").Trim();
        if (label.Length == 0 || label.Length > LabelMaxLength) throw new DomainRuleException("Error.KeyNameInvalid", LabelMaxLength);
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        Label = label;
        TokenHash = tokenHash;
        Last4 = last4;
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string Label { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string Last4 { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    public void Revoke(DateTime nowUtc)
    {
        if (RevokedUtc is not null) throw new DomainRuleException("Error.KeyNotActive");
        RevokedUtc = nowUtc;
    }
}
