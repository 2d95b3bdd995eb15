using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

public enum SettlementStatus
{
    Open = 0,
    Closed = 1,
    PaidOut = 2,
}

/// <summary>
/// One settlement period of a merchant environment: the transactions it pays out, the reserve it holds back and the
/// transfer to the merchant's bank. Lines are added while Open; <see cref="Close"/> derives every total from them.
/// </summary>
public sealed class Settlement : IEnvironmentOwned
{
    public const int ReferenceMaxLength = 20;

    /// <summary>The provider holds back 10% of a period's captures and releases it with the next settlement.</summary>
    public const int ReserveBasisPoints = 1_000;

    /// <summary>The bank transfer is made the day after the period closes.</summary>
    public static readonly TimeSpan PayoutDelay = TimeSpan.FromDays(1);

    public static readonly TransitionTable<SettlementStatus> Transitions = new("Settlement", new()
    {
        [SettlementStatus.Open] = [SettlementStatus.Closed],
        [SettlementStatus.Closed] = [SettlementStatus.PaidOut],
    });

    private readonly List<SettlementLine> _lines = [];

    private Settlement() { }

    public Settlement(Guid merchantId, PaymentEnvironment environment, long sequence, DateTime periodStartUtc,
        DateTime periodEndUtc, string currency)
    {
        if (sequence <= 0) throw new DomainRuleException("Error.SettlementSequenceInvalid");
        if (periodEndUtc <= periodStartUtc) throw new DomainRuleException("Error.SettlementPeriodInvalid");
        Id = DeterministicId(merchantId, environment, sequence);
        MerchantId = merchantId;
        Environment = environment;
        Sequence = sequence;
        SettlementReference = ReferenceFor(sequence);
        PeriodStartUtc = periodStartUtc;
        PeriodEndUtc = periodEndUtc;
        Currency = currency;
        Status = SettlementStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }

    /// <summary>1, 2, 3… per merchant and environment; the reference and the id are derived from it.</summary>
    public long Sequence { get; private set; }

    /// <summary>The numeric settlement id shown in reports, unique per merchant and environment.</summary>
    public string SettlementReference { get; private set; } = "";

    public DateTime PeriodStartUtc { get; private set; }
    public DateTime PeriodEndUtc { get; private set; }
    public string Currency { get; private set; } = "";
    public long OpeningBalance { get; private set; }
    public long CapturesTotal { get; private set; }
    public long RefundsTotal { get; private set; }

    /// <summary>Negative for fees charged, positive for fee credits.</summary>
    public long FeesTotal { get; private set; }
    public long ChargebacksTotal { get; private set; }

    /// <summary>A-to-z guarantee claim debits (negative) net of reversals after won appeals.</summary>
    public long ClaimsTotal { get; private set; }

    /// <summary>Held back this period (positive); released into the next settlement's opening balance.</summary>
    public long ReserveHeld { get; private set; }

    /// <summary>A negative balance (≤ 0) the payout could not cover; it opens the next settlement.</summary>
    public long BalanceCarriedForward { get; private set; }

    public long PayoutAmount { get; private set; }

    /// <summary>When the transfer is made; null when nothing is paid out.</summary>
    public DateTime? PayoutDateUtc { get; private set; }

    public SettlementStatus Status { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    public IReadOnlyCollection<SettlementLine> Lines => _lines;

    /// <summary>What the next settlement opens with: the released reserve plus any negative carry-over.</summary>
    public long ReleasedIntoNext => ReserveHeld + BalanceCarriedForward;

    public static string ReferenceFor(long sequence) => (1_000_000_000L + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void AddOpeningBalance(long amount, DateTime postedUtc) =>
        Add(SettlementLine.Balance(this, SettlementLine.Types.OpeningBalance, amount, postedUtc));

    internal void AddTransaction(PaymentTransaction transaction, string orderReferenceId)
    {
        EnsureOpen();
        if (transaction.Currency != Currency)
            throw new DomainRuleException("Error.CurrencyMismatch", Currency, transaction.Currency);
        Add(SettlementLine.ForTransaction(this, transaction, orderReferenceId));
        transaction.MarkSettled(Id);
    }

    /// <summary>
    /// Holds the reserve, computes the payout (a negative balance pays nothing and carries over), writes the
    /// Transfer line and derives the totals from the lines.
    /// </summary>
    internal void Close(DateTime nowUtc)
    {
        EnsureOpen();
        var balance = _lines.Sum(l => l.NetTransactionAmount);
        var captures = _lines.Where(l => l.TransactionType == SettlementLine.Types.Capture).Sum(l => l.TransactionAmount);
        var reserve = Math.Min(new FeeRate(ReserveBasisPoints, 0, Currency).PercentageOf(captures), Math.Max(0, balance));
        if (reserve > 0)
            Add(SettlementLine.Balance(this, SettlementLine.Types.Reserve, -reserve, PeriodEndUtc));
        var afterReserve = balance - reserve;
        var payout = Math.Max(0, afterReserve);
        Add(SettlementLine.Balance(this, SettlementLine.Types.Transfer, -payout, PeriodEndUtc));

        OpeningBalance = SumOf(SettlementLine.Types.OpeningBalance, l => l.NetTransactionAmount);
        CapturesTotal = SumOf(SettlementLine.Types.Capture, l => l.TransactionAmount);
        RefundsTotal = SumOf(SettlementLine.Types.Refund, l => l.TransactionAmount);
        ChargebacksTotal = SumOf(SettlementLine.Types.Chargeback, l => l.TransactionAmount);
        ClaimsTotal = SumOf(SettlementLine.Types.GuaranteeClaim, l => l.TransactionAmount)
                      + SumOf(SettlementLine.Types.GuaranteeClaimReversal, l => l.TransactionAmount);
        FeesTotal = _lines.Sum(l => l.TotalTransactionFee);
        ReserveHeld = -SumOf(SettlementLine.Types.Reserve, l => l.NetTransactionAmount);
        PayoutAmount = payout;
        BalanceCarriedForward = Math.Min(0, afterReserve);
        PayoutDateUtc = payout > 0 ? PeriodEndUtc + PayoutDelay : null;
        ClosedUtc = nowUtc;
        MoveTo(SettlementStatus.Closed);
    }

    internal void MarkPaidOut(DateTime nowUtc)
    {
        if (PayoutDateUtc is null || nowUtc < PayoutDateUtc)
            throw new DomainRuleException("Error.PayoutNotDue");
        MoveTo(SettlementStatus.PaidOut);
    }

    private long SumOf(string type, Func<SettlementLine, long> value) =>
        _lines.Where(l => l.TransactionType == type).Sum(value);

    private void Add(SettlementLine line)
    {
        EnsureOpen();
        _lines.Add(line);
    }

    private void EnsureOpen()
    {
        if (Status != SettlementStatus.Open) throw new DomainRuleException("Error.SettlementNotOpen", SettlementReference);
    }

    private void MoveTo(SettlementStatus next)
    {
        Transitions.EnsureAllowed(Status, next);
        Status = next;
    }

    // Two closers racing on the same period compute the same id, so the second insert fails instead of paying twice.
    private static Guid DeterministicId(Guid merchantId, PaymentEnvironment environment, long sequence)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes($"settlement:{merchantId:N}:{environment}:{sequence}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
