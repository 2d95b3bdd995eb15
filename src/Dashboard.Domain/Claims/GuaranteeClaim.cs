using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Claims;

/// <summary>Why the buyer filed an A-to-z Guarantee claim (the programme's eligibility reasons).</summary>
public enum ClaimReason
{
    NotReceived = 0,
    ReceivedLate = 1,
    NotAsDescribed = 2,
    ReturnNotRefunded = 3,
    ChargedMoreThanAuthorized = 4,
}

public enum ClaimStatus
{
    /// <summary>Filed; the merchant must answer before <see cref="GuaranteeClaim.RespondByUtc"/>.</summary>
    ActionRequired = 0,
    /// <summary>The merchant refunded the whole claimed amount: the claim is closed.</summary>
    Refunded = 1,
    /// <summary>The merchant refunded part of it; the provider decides about the rest.</summary>
    PartiallyRefunded = 2,
    Represented = 3,
    UnshippedCanceled = 4,
    /// <summary>No answer by the deadline: the provider reimbursed the buyer and debited the merchant.</summary>
    AutoAssigned = 5,
    Granted = 6,
    Denied = 7,
    Withdrawn = 8,
    AppealSubmitted = 9,
    AppealWon = 10,
    AppealLost = 11,
}

/// <summary>What the merchant can do on a claim right now (the buttons the UI shows).</summary>
public enum ClaimAction
{
    Refund = 0,
    Represent = 1,
    CancelUnshipped = 2,
    Appeal = 3,
}

public static class ClaimTransitions
{
    public static readonly TransitionTable<ClaimStatus> Table = new("Claim", new()
    {
        [ClaimStatus.ActionRequired] = [ClaimStatus.Refunded, ClaimStatus.PartiallyRefunded, ClaimStatus.Represented,
            ClaimStatus.UnshippedCanceled, ClaimStatus.AutoAssigned, ClaimStatus.Withdrawn],
        [ClaimStatus.PartiallyRefunded] = [ClaimStatus.Granted, ClaimStatus.Denied, ClaimStatus.Withdrawn],
        [ClaimStatus.Represented] = [ClaimStatus.Granted, ClaimStatus.Denied, ClaimStatus.Withdrawn],
        [ClaimStatus.UnshippedCanceled] = [ClaimStatus.Granted, ClaimStatus.Denied, ClaimStatus.Withdrawn],
        [ClaimStatus.Granted] = [ClaimStatus.AppealSubmitted],
        [ClaimStatus.AppealSubmitted] = [ClaimStatus.AppealWon, ClaimStatus.AppealLost],
    });

    /// <summary>The provider's decisions (from the simulator in the demo and the Sandbox).</summary>
    public static readonly IReadOnlyList<ClaimStatus> Decisions =
        [ClaimStatus.Granted, ClaimStatus.Denied, ClaimStatus.Withdrawn, ClaimStatus.AppealWon, ClaimStatus.AppealLost];
}

/// <summary>
/// A buyer's A-to-z Guarantee claim on one order. The merchant answers before <see cref="RespondByUtc"/> by refunding,
/// representing the case or canceling the unshipped part; otherwise the claim is assigned to the merchant and the
/// claimed amount is debited. Amounts are minor units of <see cref="Currency"/>.
/// </summary>
public sealed class GuaranteeClaim : IEnvironmentOwned
{
    public const int ReferenceMaxLength = 40;
    public const int StatementMaxLength = 4_000;
    public const int ResponseMaxLength = 4_000;
    public const int CarrierMaxLength = 64;
    public const int TrackingMaxLength = 64;
    public const int ActorMaxLength = 256;
    public static readonly TimeSpan AppealWindow = TimeSpan.FromDays(30);

    private readonly List<ClaimAttachment> _attachments = [];

    private GuaranteeClaim() { }

    public GuaranteeClaim(Guid id, Guid merchantId, PaymentEnvironment environment, Guid orderId, string sellerOrderId,
        string claimReference, ClaimReason reason, long claimedAmount, string currency, string buyerStatement,
        DateTime filedUtc, DateTime respondByUtc)
    {
        if (claimedAmount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (respondByUtc <= filedUtc) throw new DomainRuleException("Error.DeadlineBeforeFiling");
        if (string.IsNullOrWhiteSpace(claimReference) || claimReference.Length > ReferenceMaxLength)
            throw new DomainRuleException("Error.ClaimReferenceInvalid");
        Id = id;
        MerchantId = merchantId;
        Environment = environment;
        OrderId = orderId;
        SellerOrderId = sellerOrderId;
        ClaimReference = claimReference;
        Reason = reason;
        ClaimedAmount = claimedAmount;
        Currency = currency;
        BuyerStatement = Limit(buyerStatement, StatementMaxLength) ?? "";
        FiledUtc = filedUtc;
        RespondByUtc = respondByUtc;
        Status = ClaimStatus.ActionRequired;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public Guid OrderId { get; private set; }
    public string SellerOrderId { get; private set; } = "";
    public string ClaimReference { get; private set; } = "";
    public ClaimReason Reason { get; private set; }
    public ClaimStatus Status { get; private set; }
    public long ClaimedAmount { get; private set; }
    public string Currency { get; private set; } = "";
    public string BuyerStatement { get; private set; } = "";
    public DateTime FiledUtc { get; private set; }
    public DateTime RespondByUtc { get; private set; }

    /// <summary>What the merchant refunded in answer to this claim.</summary>
    public long RefundedAmount { get; private set; }

    /// <summary>The representment: saved as a draft while typed, frozen when submitted.</summary>
    public string? ResponseText { get; private set; }
    public DateTime? ShippedOnUtc { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTime? DraftSavedUtc { get; private set; }
    public string? DraftSavedBy { get; private set; }

    public DateTime? RespondedUtc { get; private set; }
    public string? RespondedBy { get; private set; }

    /// <summary>The idempotency key of the submitted response: a repeated submission is a no-op.</summary>
    public Guid? SubmissionId { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public DateTime? AppealByUtc { get; private set; }

    /// <summary>What the provider debited from the merchant for this claim (auto-assignment or a granted claim).</summary>
    public long DebitedAmount { get; private set; }
    public DateTime? DebitedUtc { get; private set; }

    /// <summary>What the provider gave back after the merchant won an appeal.</summary>
    public long ReversedAmount { get; private set; }
    public DateTime? ReversedUtc { get; private set; }

    /// <summary>Optimistic concurrency token, incremented by every change.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<ClaimAttachment> Attachments => _attachments;

    public bool IsOpen => Status == ClaimStatus.ActionRequired;

    /// <summary>
    /// Files join the representment while it can still be sent, or an appeal while the window is open. They are
    /// additive and do not move <see cref="Version"/>: attaching a file never conflicts with the text being autosaved.
    /// </summary>
    public bool AcceptsAttachments(DateTime nowUtc) =>
        (Status == ClaimStatus.ActionRequired && nowUtc < RespondByUtc)
        || (Status == ClaimStatus.Granted && AppealByUtc is { } by && nowUtc < by);

    internal ClaimAttachment AddAttachment(StoredFile file, string actor, DateTime nowUtc)
    {
        if (!AcceptsAttachments(nowUtc)) throw new DomainRuleException("Error.DeadlineExpired");
        if (_attachments.Count >= ClaimAttachment.MaxItems) throw new DomainRuleException("Error.TooManyEvidenceItems", ClaimAttachment.MaxItems);
        var attachment = new ClaimAttachment(this, file, Limit(actor, ActorMaxLength)!, nowUtc);
        _attachments.Add(attachment);
        return attachment;
    }

    internal void RemoveAttachment(ClaimAttachment attachment, DateTime nowUtc)
    {
        if (!AcceptsAttachments(nowUtc)) throw new DomainRuleException("Error.DeadlineExpired");
        _attachments.Remove(attachment);
    }

    public bool IsOverdue(DateTime nowUtc) => Status == ClaimStatus.ActionRequired && nowUtc >= RespondByUtc;

    /// <summary>The buttons the UI may offer, from the transition table, the deadline and the order's amounts.</summary>
    public IReadOnlyList<ClaimAction> AvailableActions(DateTime nowUtc, long orderRefundable)
    {
        var actions = new List<ClaimAction>(3);
        if (Status == ClaimStatus.ActionRequired && nowUtc < RespondByUtc)
        {
            if (orderRefundable > 0) actions.Add(ClaimAction.Refund);
            actions.Add(ClaimAction.Represent);
            actions.Add(ClaimAction.CancelUnshipped);
        }
        if (ClaimTransitions.Table.CanMove(Status, ClaimStatus.AppealSubmitted) && AppealByUtc is { } by && nowUtc < by)
            actions.Add(ClaimAction.Appeal);
        return actions;
    }

    /// <summary>Saves the representment as typed. <paramref name="expectedVersion"/> is the version the editor loaded.</summary>
    public void SaveDraft(string? text, DateTime? shippedOnUtc, string? carrier, string? tracking, long expectedVersion,
        string actor, DateTime nowUtc)
    {
        EnsureVersion(expectedVersion);
        if (Status != ClaimStatus.ActionRequired) throw new DomainRuleException("Error.ClaimAlreadyAnswered");
        ResponseText = Limit(text, ResponseMaxLength);
        ShippedOnUtc = shippedOnUtc;
        Carrier = Limit(carrier, CarrierMaxLength);
        TrackingNumber = Limit(tracking, TrackingMaxLength);
        DraftSavedUtc = nowUtc;
        DraftSavedBy = Limit(actor, ActorMaxLength);
        Version++;
    }

    /// <summary>True when this submission was already applied (a double click, a retried request).</summary>
    public bool AlreadySubmitted(Guid submissionId) => SubmissionId == submissionId;

    internal void RecordRefund(long amount, Guid submissionId, string actor, DateTime nowUtc)
    {
        EnsureCanRespond(nowUtc);
        RefundedAmount += amount;
        Respond(amount >= ClaimedAmount ? ClaimStatus.Refunded : ClaimStatus.PartiallyRefunded, submissionId, actor, nowUtc);
    }

    public void Represent(string text, DateTime shippedOnUtc, string carrier, string tracking, Guid submissionId, string actor, DateTime nowUtc)
    {
        EnsureCanRespond(nowUtc);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Error.ResponseTextRequired");
        if (string.IsNullOrWhiteSpace(carrier) || string.IsNullOrWhiteSpace(tracking))
            throw new DomainRuleException("Error.ShippingDetailsRequired");
        if (shippedOnUtc > nowUtc) throw new DomainRuleException("Error.ShippedInFuture");
        ResponseText = Limit(text, ResponseMaxLength);
        ShippedOnUtc = shippedOnUtc;
        Carrier = Limit(carrier.Trim(), CarrierMaxLength);
        TrackingNumber = Limit(tracking.Trim(), TrackingMaxLength);
        Respond(ClaimStatus.Represented, submissionId, actor, nowUtc);
    }

    internal void RecordUnshippedCancel(long refunded, string? note, Guid submissionId, string actor, DateTime nowUtc)
    {
        EnsureCanRespond(nowUtc);
        RefundedAmount += refunded;
        if (!string.IsNullOrWhiteSpace(note)) ResponseText = Limit(note, ResponseMaxLength);
        Respond(ClaimStatus.UnshippedCanceled, submissionId, actor, nowUtc);
    }

    /// <summary>No answer by the deadline: assigned to the merchant, who is debited <paramref name="debit"/>.</summary>
    internal void AutoAssign(long debit, DateTime nowUtc)
    {
        if (!IsOverdue(nowUtc)) throw new DomainRuleException("Error.ClaimNotOverdue");
        MoveTo(ClaimStatus.AutoAssigned);
        DecidedUtc = nowUtc;
        RecordDebit(debit, nowUtc);
    }

    /// <summary>
    /// The provider's decision. A granted claim is reimbursed to the buyer and debited from the merchant; a won appeal
    /// gives the debit back (<see cref="ReversedAmount"/>).
    /// </summary>
    internal void Decide(ClaimStatus decision, long debit, DateTime nowUtc, long reversal = 0)
    {
        if (!ClaimTransitions.Decisions.Contains(decision)) throw new DomainRuleException("Error.NotADecision", decision.ToString());
        MoveTo(decision);
        DecidedUtc = nowUtc;
        if (decision == ClaimStatus.Granted)
        {
            AppealByUtc = nowUtc + AppealWindow;
            RecordDebit(debit, nowUtc);
        }
        if (decision == ClaimStatus.AppealWon && reversal > 0)
        {
            ReversedAmount += reversal;
            ReversedUtc = nowUtc;
        }
    }

    /// <summary>What a won appeal still has to give back.</summary>
    public long ReversibleAmount => Status == ClaimStatus.AppealSubmitted ? DebitedAmount - ReversedAmount : 0;

    public void Appeal(string text, string actor, DateTime nowUtc)
    {
        if (AppealByUtc is not { } by || nowUtc >= by) throw new DomainRuleException("Error.AppealWindowClosed");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Error.ResponseTextRequired");
        MoveTo(ClaimStatus.AppealSubmitted);
        ResponseText = Limit(text, ResponseMaxLength);
        RespondedBy = Limit(actor, ActorMaxLength);
        RespondedUtc = nowUtc;
    }

    /// <summary>What the provider still has to take from the merchant: the claim minus what the merchant refunded.</summary>
    public long OutstandingAmount => Math.Max(0, ClaimedAmount - RefundedAmount - DebitedAmount);

    private void RecordDebit(long debit, DateTime nowUtc)
    {
        if (debit <= 0) return;
        DebitedAmount += debit;
        DebitedUtc = nowUtc;
    }

    private void EnsureCanRespond(DateTime nowUtc)
    {
        // The deadline is exclusive: at RespondByUtc the claim belongs to the auto-assignment job.
        if (Status == ClaimStatus.ActionRequired && nowUtc >= RespondByUtc) throw new DomainRuleException("Error.DeadlineExpired");
    }

    private void Respond(ClaimStatus next, Guid submissionId, string actor, DateTime nowUtc)
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

    private void MoveTo(ClaimStatus next)
    {
        ClaimTransitions.Table.EnsureAllowed(Status, next);
        Status = next;
        Version++;
    }

    internal static string? Limit(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
