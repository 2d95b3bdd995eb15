using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Chargebacks;

/// <summary>Unauthorized (may fall under the payment protection policy) or service (the merchant is liable).</summary>
public enum DisputeType
{
    Unauthorized = 0,
    Service = 1,
}

public enum ChargebackStatus
{
    ActionRequired = 0,
    /// <summary>The merchant accepted: the disputed amount and the fee are debited.</summary>
    Accepted = 1,
    Contested = 2,
    Won = 3,
    Lost = 4,
    /// <summary>No answer by the deadline: treated as accepted and debited.</summary>
    Expired = 5,
}

public enum ChargebackAction
{
    Accept = 0,
    Contest = 1,
}

public static class ChargebackTransitions
{
    public static readonly TransitionTable<ChargebackStatus> Table = new("Chargeback", new()
    {
        [ChargebackStatus.ActionRequired] = [ChargebackStatus.Contested, ChargebackStatus.Accepted, ChargebackStatus.Expired],
        [ChargebackStatus.Contested] = [ChargebackStatus.Won, ChargebackStatus.Lost],
    });
}

/// <summary>
/// A card-network chargeback on one order. The merchant accepts (refund) or contests with evidence before
/// <see cref="RespondByUtc"/>; the issuer then decides. Money moves only when the merchant loses.
/// </summary>
public sealed class Chargeback : IEnvironmentOwned
{
    public const int ReferenceMaxLength = 40;
    public const int ReasonCodeMaxLength = 16;
    public const int ReasonMaxLength = 200;
    public const int ResponseMaxLength = 20_000;
    public const int ActorMaxLength = 256;

    private readonly List<ChargebackEvidence> _evidence = [];

    private Chargeback() { }

    public Chargeback(Guid id, Guid merchantId, PaymentEnvironment environment, Guid orderId, string sellerOrderId,
        string chargebackReference, string network, string reasonCode, string reasonDescription, DisputeType disputeType,
        long disputedAmount, long fee, string currency, DateTime filedUtc, DateTime respondByUtc, DateTime evidenceDueUtc)
    {
        if (disputedAmount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (respondByUtc <= filedUtc || evidenceDueUtc <= filedUtc) throw new DomainRuleException("Error.DeadlineBeforeFiling");
        if (string.IsNullOrWhiteSpace(chargebackReference) || chargebackReference.Length > ReferenceMaxLength)
            throw new DomainRuleException("Error.ClaimReferenceInvalid");
        Id = id;
        MerchantId = merchantId;
        Environment = environment;
        OrderId = orderId;
        SellerOrderId = sellerOrderId;
        ChargebackReference = chargebackReference;
        Network = Limit(network, ReasonCodeMaxLength)!;
        ReasonCode = Limit(reasonCode, ReasonCodeMaxLength)!;
        ReasonDescription = Limit(reasonDescription, ReasonMaxLength)!;
        DisputeType = disputeType;
        DisputedAmount = disputedAmount;
        Fee = fee;
        Currency = currency;
        FiledUtc = filedUtc;
        RespondByUtc = respondByUtc;
        EvidenceDueUtc = evidenceDueUtc;
        Status = ChargebackStatus.ActionRequired;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public Guid OrderId { get; private set; }
    public string SellerOrderId { get; private set; } = "";
    public string ChargebackReference { get; private set; } = "";
    /// <summary>Visa, Mastercard, …</summary>
    public string Network { get; private set; } = "";
    public string ReasonCode { get; private set; } = "";
    public string ReasonDescription { get; private set; } = "";
    public DisputeType DisputeType { get; private set; }
    public ChargebackStatus Status { get; private set; }
    public long DisputedAmount { get; private set; }
    /// <summary>The provider's chargeback fee, charged when the merchant accepts or loses.</summary>
    public long Fee { get; private set; }
    public string Currency { get; private set; } = "";
    public DateTime FiledUtc { get; private set; }
    /// <summary>The portal's answer deadline (accept or contest).</summary>
    public DateTime RespondByUtc { get; private set; }
    /// <summary>The last day for evidence under the payment protection policy.</summary>
    public DateTime EvidenceDueUtc { get; private set; }

    public string? ResponseText { get; private set; }
    public DateTime? DraftSavedUtc { get; private set; }
    public string? DraftSavedBy { get; private set; }
    public DateTime? RespondedUtc { get; private set; }
    public string? RespondedBy { get; private set; }
    public Guid? SubmissionId { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public long DebitedAmount { get; private set; }

    /// <summary>Optimistic concurrency token, incremented by every change.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<ChargebackEvidence> Evidence => _evidence;

    /// <summary>The answer deadline: the later of the two windows while evidence may still be added.</summary>
    public bool IsOverdue(DateTime nowUtc) => Status == ChargebackStatus.ActionRequired && nowUtc >= RespondByUtc;

    public IReadOnlyList<ChargebackAction> AvailableActions(DateTime nowUtc)
    {
        if (Status != ChargebackStatus.ActionRequired || nowUtc >= RespondByUtc) return [];
        return [ChargebackAction.Accept, ChargebackAction.Contest];
    }

    public bool AcceptsEvidence(DateTime nowUtc) => Status == ChargebackStatus.ActionRequired && nowUtc < RespondByUtc;

    public void SaveDraft(string? text, long expectedVersion, string actor, DateTime nowUtc)
    {
        EnsureVersion(expectedVersion);
        if (Status != ChargebackStatus.ActionRequired) throw new DomainRuleException("Error.ChargebackAlreadyAnswered");
        ResponseText = Limit(text, ResponseMaxLength);
        DraftSavedUtc = nowUtc;
        DraftSavedBy = Limit(actor, ActorMaxLength);
        Version++;
    }

    internal ChargebackEvidence AddEvidence(EvidenceKind kind, string? text, StoredFile? file, string actor, DateTime nowUtc)
    {
        if (!AcceptsEvidence(nowUtc)) throw new DomainRuleException("Error.DeadlineExpired");
        if (string.IsNullOrWhiteSpace(text) && file is null) throw new DomainRuleException("Error.EvidenceEmpty");
        if (_evidence.Count >= ChargebackEvidence.MaxItems) throw new DomainRuleException("Error.TooManyEvidenceItems", ChargebackEvidence.MaxItems);
        var item = new ChargebackEvidence(this, kind, text, file, Limit(actor, ActorMaxLength)!, nowUtc);
        _evidence.Add(item);
        Version++;
        return item;
    }

    internal void RemoveEvidence(ChargebackEvidence item, DateTime nowUtc)
    {
        if (!AcceptsEvidence(nowUtc)) throw new DomainRuleException("Error.DeadlineExpired");
        _evidence.Remove(item);
        Version++;
    }

    public bool AlreadySubmitted(Guid submissionId) => SubmissionId == submissionId;

    internal void Accept(Guid submissionId, string actor, DateTime nowUtc)
    {
        EnsureCanRespond(nowUtc);
        Respond(ChargebackStatus.Accepted, submissionId, actor, nowUtc);
        DecidedUtc = nowUtc;
        DebitedAmount = DisputedAmount;
    }

    internal void Contest(Guid submissionId, string actor, DateTime nowUtc)
    {
        EnsureCanRespond(nowUtc);
        if (string.IsNullOrWhiteSpace(ResponseText) && _evidence.Count == 0) throw new DomainRuleException("Error.EvidenceEmpty");
        Respond(ChargebackStatus.Contested, submissionId, actor, nowUtc);
    }

    internal void Expire(DateTime nowUtc)
    {
        if (!IsOverdue(nowUtc)) throw new DomainRuleException("Error.ClaimNotOverdue");
        MoveTo(ChargebackStatus.Expired);
        DecidedUtc = nowUtc;
        DebitedAmount = DisputedAmount;
    }

    /// <summary>The issuer's decision on a contested chargeback.</summary>
    internal void Decide(bool merchantWon, DateTime nowUtc)
    {
        MoveTo(merchantWon ? ChargebackStatus.Won : ChargebackStatus.Lost);
        DecidedUtc = nowUtc;
        if (!merchantWon) DebitedAmount = DisputedAmount;
    }

    private void EnsureCanRespond(DateTime nowUtc)
    {
        if (Status == ChargebackStatus.ActionRequired && nowUtc >= RespondByUtc) throw new DomainRuleException("Error.DeadlineExpired");
    }

    private void Respond(ChargebackStatus next, Guid submissionId, string actor, DateTime nowUtc)
    {
        MoveTo(next);
        SubmissionId = submissionId;
        RespondedBy = Limit(actor, ActorMaxLength);
        RespondedUtc = nowUtc;
    }

    private void EnsureVersion(long expectedVersion)
    {
        if (expectedVersion != Version)
            throw new ConcurrencyConflictException(DraftSavedBy ?? RespondedBy, DraftSavedUtc ?? RespondedUtc);
    }

    private void MoveTo(ChargebackStatus next)
    {
        ChargebackTransitions.Table.EnsureAllowed(Status, next);
        Status = next;
        Version++;
    }

    internal static string? Limit(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}

/// <summary>The typed evidence items the networks ask for.</summary>
public enum EvidenceKind
{
    Receipt = 0,
    ShippingDocumentation = 1,
    CustomerCommunication = 2,
    RefundPolicy = 3,
    Other = 4,
}

/// <summary>One item of a chargeback's evidence: text, a file, or both.</summary>
public sealed class ChargebackEvidence : IEnvironmentOwned
{
    public const int MaxItems = 20;
    public const int TextMaxLength = 4_000;
    public const int FileNameMaxLength = EvidenceFiles.FileNameMaxLength;
    public const int StoredNameMaxLength = EvidenceFiles.StoredNameMaxLength;
    public const int ContentTypeMaxLength = EvidenceFiles.ContentTypeMaxLength;

    private ChargebackEvidence() { }

    internal ChargebackEvidence(Chargeback chargeback, EvidenceKind kind, string? text, StoredFile? file, string actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        ChargebackId = chargeback.Id;
        MerchantId = chargeback.MerchantId;
        Environment = chargeback.Environment;
        Kind = kind;
        Text = Chargeback.Limit(text, TextMaxLength);
        FileName = file?.OriginalName;
        StoredName = file?.StoredName;
        ContentType = file?.ContentType;
        FileSize = file?.Size;
        AddedBy = actor;
        AddedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ChargebackId { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string? Text { get; private set; }
    /// <summary>The uploader's file name, cleaned; shown only, never used as a path.</summary>
    public string? FileName { get; private set; }
    /// <summary>The generated name under the evidence folder.</summary>
    public string? StoredName { get; private set; }
    public string? ContentType { get; private set; }
    public long? FileSize { get; private set; }
    public string AddedBy { get; private set; } = "";
    public DateTime AddedUtc { get; private set; }
}

/// <summary>The provider's chargeback fee per currency, in minor units.</summary>
public static class ChargebackFees
{
    public static long For(string currency) => currency switch
    {
        "JPY" => 2_000,
        "HUF" => 6_000_00,
        "SEK" => 175_00,
        "DKK" => 125_00,
        "GBP" => 15_00,
        _ => 15_00,
    };
}
