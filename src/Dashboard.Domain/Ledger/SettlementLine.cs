using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>One row of a settlement report. Signs are the merchant's: money in is positive, fees and refunds negative.</summary>
public sealed class SettlementLine : IEnvironmentOwned
{
    public const int TypeMaxLength = 32;

    /// <summary>The settlement report's transaction types.</summary>
    public static class Types
    {
        public const string Capture = "Capture";
        public const string Refund = "Refund";
        public const string Chargeback = "Chargeback";
        public const string GuaranteeClaim = "A-to-z Guarantee Claim";
        /// <summary>A claim debit given back after a won appeal (positive for the merchant).</summary>
        public const string GuaranteeClaimReversal = "A-to-z Guarantee Claim Reversal";
        public const string Adjustment = "Adjustment";
        public const string Reserve = "Reserve";
        public const string OpeningBalance = "OpeningBalance";
        public const string Transfer = "Transfer";
    }

    private SettlementLine() { }

    public Guid Id { get; private set; }
    public Guid SettlementId { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public DateTime TransactionPostedDateUtc { get; private set; }
    public string? ProviderTransactionId { get; private set; }
    public string? SellerReferenceId { get; private set; }
    public string TransactionType { get; private set; } = "";
    public string? OrderReferenceId { get; private set; }
    public string? SellerOrderId { get; private set; }
    public long TransactionAmount { get; private set; }
    public long TransactionPercentageFee { get; private set; }
    public long TransactionFixedFee { get; private set; }
    public long TotalTransactionFee { get; private set; }
    public long NetTransactionAmount { get; private set; }
    public string CurrencyCode { get; private set; } = "";
    public Guid? PaymentTransactionId { get; private set; }

    internal static SettlementLine ForTransaction(Settlement settlement, PaymentTransaction t, string orderReferenceId)
    {
        var (type, amount, percentageFee, fixedFee) = t.Type switch
        {
            Ledger.TransactionType.Capture => (Types.Capture, t.Amount, -t.PercentageFee, -t.FixedFee),
            Ledger.TransactionType.Refund => (Types.Refund, -t.Amount, t.PercentageFee, t.FixedFee),
            Ledger.TransactionType.Chargeback => (Types.Chargeback, -t.Amount, -t.PercentageFee, -t.FixedFee),
            Ledger.TransactionType.ClaimDebit => (Types.GuaranteeClaim, -t.Amount, -t.PercentageFee, -t.FixedFee),
            Ledger.TransactionType.ClaimReversal => (Types.GuaranteeClaimReversal, t.Amount, t.PercentageFee, t.FixedFee),
            _ => throw new DomainRuleException("Error.TransactionNotSettleable", t.Type.ToString()),
        };
        var line = New(settlement, type, t.CompletedUtc ?? t.CreatedUtc, amount, percentageFee, fixedFee);
        line.ProviderTransactionId = t.ProviderReferenceId;
        line.SellerReferenceId = t.SellerOrderId;
        line.OrderReferenceId = orderReferenceId;
        line.SellerOrderId = t.SellerOrderId;
        line.PaymentTransactionId = t.Id;
        return line;
    }

    internal static SettlementLine Balance(Settlement settlement, string type, long amount, DateTime postedUtc) =>
        New(settlement, type, postedUtc, amount, 0, 0);

    private static SettlementLine New(Settlement s, string type, DateTime postedUtc, long amount, long percentageFee, long fixedFee) => new()
    {
        Id = Guid.CreateVersion7(),
        SettlementId = s.Id,
        MerchantId = s.MerchantId,
        Environment = s.Environment,
        TransactionPostedDateUtc = postedUtc,
        TransactionType = type,
        TransactionAmount = amount,
        TransactionPercentageFee = percentageFee,
        TransactionFixedFee = fixedFee,
        TotalTransactionFee = percentageFee + fixedFee,
        NetTransactionAmount = amount + percentageFee + fixedFee,
        CurrencyCode = s.Currency,
    };
}
