using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>
/// One step of an order's payment: the authorization, each capture, refund, cancel, and later chargebacks.
/// Amount and fees are positive magnitudes; the settlement gives them their sign (a capture's fees are charged,
/// a refund's percentage fee is credited back).
/// </summary>
public sealed class PaymentTransaction : IEnvironmentOwned
{
    public const int ReferenceMaxLength = 40;
    public const int ReasonCodeMaxLength = 40;

    private PaymentTransaction() { }

    internal PaymentTransaction(PaymentOrder order, TransactionType type, long amount, string providerReferenceId,
        long percentageFee, long fixedFee, DateTime createdUtc)
    {
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        Id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc)));
        OrderId = order.Id;
        MerchantId = order.MerchantId;
        Environment = order.Environment;
        Type = type;
        Status = TransactionStatus.Pending;
        Amount = amount;
        Currency = order.Currency;
        SellerOrderId = order.SellerOrderId;
        ProviderReferenceId = providerReferenceId;
        PercentageFee = percentageFee;
        FixedFee = fixedFee;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public TransactionType Type { get; private set; }
    public TransactionStatus Status { get; private set; }
    public long Amount { get; private set; }
    public string Currency { get; private set; } = "";

    /// <summary>The merchant's order number, copied here so reports need no join.</summary>
    public string SellerOrderId { get; private set; } = "";

    /// <summary>The provider's id of this step, e.g. S02-1234567-1234567-C012345 for a capture.</summary>
    public string ProviderReferenceId { get; private set; } = "";

    public string? ReasonCode { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? CompletedUtc { get; private set; }

    /// <summary>Captures: the fee charged. Refunds: the percentage fee credited back (the fixed fee is never refunded).</summary>
    public long PercentageFee { get; private set; }
    public long FixedFee { get; private set; }

    /// <summary>The settlement that paid this transaction out; null until settled.</summary>
    public Guid? SettlementId { get; private set; }

    internal void MoveTo(TransactionStatus next, DateTime nowUtc, string? reasonCode = null)
    {
        LedgerTransitions.For(Type).EnsureAllowed(Status, next);
        Status = next;
        if (reasonCode is not null) ReasonCode = reasonCode;
        if (LedgerTransitions.For(Type).IsFinal(next))
            CompletedUtc = nowUtc;
    }

    internal void MarkSettled(Guid settlementId)
    {
        if (SettlementId is not null) throw new DomainRuleException("Error.AlreadySettled", ProviderReferenceId);
        if (Status != TransactionStatus.Completed) throw new DomainRuleException("Error.SettlingIncompleteTransaction", ProviderReferenceId);
        SettlementId = settlementId;
    }
}
