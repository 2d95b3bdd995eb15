using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>
/// A buyer's payment for one seller order: its authorization and every capture, refund and cancel made against it.
/// All amounts are minor units of <see cref="Currency"/>.
/// </summary>
public sealed partial class PaymentOrder : IEnvironmentOwned
{
    public const int ReferenceMaxLength = 19;
    public const int SellerOrderIdMaxLength = 64;
    public const int BuyerNameMaxLength = 200;
    public const int BuyerEmailMaxLength = 254;

    // The provider accepts or declines a new payment within 15 minutes; after that it is reported as Declined.
    public static readonly TimeSpan DecisionWindow = TimeSpan.FromMinutes(15);

    private readonly List<PaymentTransaction> _transactions = [];

    private PaymentOrder() { }

    public PaymentOrder(Guid id, Guid merchantId, PaymentEnvironment environment, string providerReferenceId,
        string sellerOrderId, string buyerName, string buyerEmail, long amount, string currency, FeeRate feeRate,
        DateTime createdUtc)
    {
        if (!ReferencePattern().IsMatch(providerReferenceId))
            throw new DomainRuleException("Error.ProviderReferenceInvalid", providerReferenceId);
        if (string.IsNullOrWhiteSpace(sellerOrderId) || sellerOrderId.Length > SellerOrderIdMaxLength)
            throw new DomainRuleException("Error.SellerOrderIdInvalid");
        if (string.IsNullOrWhiteSpace(buyerName) || buyerName.Length > BuyerNameMaxLength)
            throw new DomainRuleException("Error.BuyerNameInvalid");
        if (buyerEmail.Length > BuyerEmailMaxLength || !buyerEmail.Contains('@'))
            throw new DomainRuleException("Error.BuyerEmailInvalid");
        if (!Currencies.IsSupported(currency))
            throw new DomainRuleException("Error.UnknownCurrency", currency);
        if (feeRate.Currency != currency)
            throw new DomainRuleException("Error.CurrencyMismatch", currency, feeRate.Currency);
        if (amount <= 0)
            throw new DomainRuleException("Error.AmountMustBePositive");

        Id = id;
        MerchantId = merchantId;
        Environment = environment;
        ProviderReferenceId = providerReferenceId;
        SellerOrderId = sellerOrderId.Trim();
        BuyerName = buyerName.Trim();
        BuyerEmail = buyerEmail.Trim();
        Currency = currency;
        AuthorizedAmount = amount;
        FeeBasisPoints = feeRate.BasisPoints;
        FixedFee = feeRate.FixedFee;
        CreatedUtc = createdUtc;
        AuthorizationStatus = AuthorizationStatus.Pending;
        _transactions.Add(new PaymentTransaction(this, TransactionType.Authorization, amount,
            ChildReference('A', TransactionType.Authorization), 0, 0, createdUtc));
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }

    /// <summary>The merchant's own order number.</summary>
    public string SellerOrderId { get; private set; } = "";

    /// <summary>The provider's order reference, S02-1234567-1234567; unique per merchant and environment.</summary>
    public string ProviderReferenceId { get; private set; } = "";

    public string BuyerName { get; private set; } = "";
    public string BuyerEmail { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public long AuthorizedAmount { get; private set; }
    public long CapturedAmount { get; private set; }
    public long RefundedAmount { get; private set; }
    public long ChargebackAmount { get; private set; }

    /// <summary>Taken back by the provider for A-to-z claims assigned to or granted against the merchant.</summary>
    public long ClaimDebitedAmount { get; private set; }

    /// <summary>The pricing agreed when the order was placed; captures and refunds use it.</summary>
    public int FeeBasisPoints { get; private set; }
    public long FixedFee { get; private set; }

    public AuthorizationStatus AuthorizationStatus { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public DateTime? AuthorizationExpiresUtc { get; private set; }

    /// <summary>Optimistic concurrency token, incremented by every change.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<PaymentTransaction> Transactions => _transactions;

    public FeeRate FeeRate => new(FeeBasisPoints, FixedFee, Currency);

    public long RemainingCapturable =>
        AuthorizationStatus == AuthorizationStatus.Open ? AuthorizedAmount - CapturedAmount : 0;

    /// <summary>Captured money not yet given back, by refund, chargeback or claim debit.</summary>
    public long RemainingRefundable => CapturedAmount - RefundedAmount - ChargebackAmount - ClaimDebitedAmount;

    /// <summary>An authorization lives 30 days in Production and 2 days in the Sandbox.</summary>
    public static TimeSpan AuthorizationLifetime(PaymentEnvironment environment) =>
        environment == PaymentEnvironment.Sandbox ? TimeSpan.FromDays(2) : TimeSpan.FromDays(30);

    public void Decide(bool approved, DeclineReason? reason, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (approved && reason is not null) throw new DomainRuleException("Error.DeclineReasonOnApproval");
        if (!approved && reason is null) throw new DomainRuleException("Error.DeclineReasonRequired");

        if (approved && nowUtc - CreatedUtc > DecisionWindow)
        {
            approved = false;
            reason = Ledger.DeclineReason.TransactionTimedOut;
        }

        if (approved)
        {
            MoveTo(AuthorizationStatus.Open, nowUtc);
            AuthorizationExpiresUtc = nowUtc + AuthorizationLifetime(Environment);
        }
        else
        {
            MoveTo(AuthorizationStatus.Declined, nowUtc, reason!.Value.ToString());
            DeclineReason = reason;
        }
        DecidedUtc = nowUtc;
    }

    /// <summary>Charges the buyer (on shipment). Several partial captures are allowed up to the authorized amount.</summary>
    public PaymentTransaction Capture(long amount, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (AuthorizationStatus != AuthorizationStatus.Open)
            throw new DomainRuleException("Error.AuthorizationNotOpen", AuthorizationStatus.ToString());
        if (nowUtc >= AuthorizationExpiresUtc)
            throw new DomainRuleException("Error.AuthorizationExpired");
        if (amount > RemainingCapturable)
            throw new DomainRuleException("Error.CaptureExceedsAuthorized", amount, RemainingCapturable);

        var fees = FeeRate;
        var capture = AddTransaction(TransactionType.Capture, 'C', amount, fees.PercentageOf(amount), fees.FixedFee, nowUtc);
        CapturedAmount += amount;
        // A fully captured authorization is closed by the provider; refunds stay possible.
        if (CapturedAmount == AuthorizedAmount)
            MoveTo(AuthorizationStatus.Closed, nowUtc);
        else
            Version++;
        return capture;
    }

    /// <summary>Gives money back; never more than captured minus already refunded.</summary>
    public PaymentTransaction Refund(long amount, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (amount > RemainingRefundable)
            throw new DomainRuleException("Error.RefundExceedsCaptured", amount, RemainingRefundable);

        // The percentage fee on the refunded amount comes back, capped so that rounding never credits more than was charged.
        var charged = _transactions.Where(t => t.Type == TransactionType.Capture).Sum(t => t.PercentageFee);
        var credited = _transactions.Where(t => t.Type == TransactionType.Refund).Sum(t => t.PercentageFee);
        var credit = Math.Min(FeeRate.PercentageOf(amount), charged - credited);
        var refund = AddTransaction(TransactionType.Refund, 'R', amount, credit, 0, nowUtc);
        RefundedAmount += amount;
        Version++;
        return refund;
    }

    /// <summary>
    /// The provider reimbursed the buyer of an A-to-z claim and takes the money back from the merchant; never more
    /// than what the buyer still has paid.
    /// </summary>
    public PaymentTransaction DebitClaim(long amount, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (amount > RemainingRefundable)
            throw new DomainRuleException("Error.RefundExceedsCaptured", amount, RemainingRefundable);
        var debit = AddTransaction(TransactionType.ClaimDebit, 'Z', amount, 0, 0, nowUtc);
        ClaimDebitedAmount += amount;
        Version++;
        return debit;
    }

    /// <summary>
    /// The merchant won an appeal against a granted claim: the provider gives back what it debited for it (never more
    /// than this order's claim debits).
    /// </summary>
    public PaymentTransaction ReverseClaimDebit(long amount, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (amount <= 0 || amount > ClaimDebitedAmount) throw new DomainRuleException("Error.ReversalExceedsDebit", amount, ClaimDebitedAmount);
        var reversal = AddTransaction(TransactionType.ClaimReversal, 'Y', amount, 0, 0, nowUtc);
        ClaimDebitedAmount -= amount;
        Version++;
        return reversal;
    }

    /// <summary>A lost or accepted chargeback: the disputed amount goes back to the buyer and the provider charges its fee.</summary>
    public PaymentTransaction Chargeback(long amount, long fee, DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (fee < 0) throw new DomainRuleException("Error.AmountMustBePositive");
        if (amount > RemainingRefundable)
            throw new DomainRuleException("Error.RefundExceedsCaptured", amount, RemainingRefundable);
        var chargeback = AddTransaction(TransactionType.Chargeback, 'B', amount, 0, fee, nowUtc);
        ChargebackAmount += amount;
        Version++;
        return chargeback;
    }

    /// <summary>Cancels the part not shipped yet: an open authorization with captures closes, so nothing more is captured.</summary>
    /// <returns>The cancel transaction when nothing had been captured; otherwise null.</returns>
    public PaymentTransaction? CloseUncaptured(DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (AuthorizationStatus != AuthorizationStatus.Open) return null;
        if (CapturedAmount == 0) return Cancel(nowUtc);
        MoveTo(AuthorizationStatus.Closed, nowUtc);
        return null;
    }

    /// <summary>Releases the authorization; only while nothing has been captured.</summary>
    public PaymentTransaction Cancel(DateTime nowUtc)
    {
        EnsureNotBeforeCreation(nowUtc);
        if (CapturedAmount > 0) throw new DomainRuleException("Error.CancelAfterCapture");
        LedgerTransitions.Authorization.EnsureAllowed(AuthorizationStatus, AuthorizationStatus.Canceled);
        var cancel = AddTransaction(TransactionType.Cancel, 'X', AuthorizedAmount, 0, 0, nowUtc);
        MoveTo(AuthorizationStatus.Canceled, nowUtc);
        return cancel;
    }

    /// <summary>
    /// Ends an Open authorization whose lifetime has passed: Expired if nothing was captured, otherwise the
    /// uncaptured remainder simply closes.
    /// </summary>
    public void Expire(DateTime nowUtc)
    {
        if (AuthorizationStatus == AuthorizationStatus.Open && nowUtc < AuthorizationExpiresUtc)
            throw new DomainRuleException("Error.AuthorizationNotYetExpired");
        MoveTo(CapturedAmount == 0 ? AuthorizationStatus.Expired : AuthorizationStatus.Closed, nowUtc);
    }

    /// <summary>True when the expiry check should end this order: expired lifetime, or a decision that never came.</summary>
    public bool IsDueForExpiry(DateTime nowUtc) =>
        (AuthorizationStatus == AuthorizationStatus.Open && nowUtc >= AuthorizationExpiresUtc)
        || (AuthorizationStatus == AuthorizationStatus.Pending && nowUtc - CreatedUtc > DecisionWindow);

    /// <summary>Ends what <see cref="IsDueForExpiry"/> reports: expires an authorization, or declines a stale request as timed out.</summary>
    internal void ApplyExpiryCheck(DateTime nowUtc)
    {
        if (AuthorizationStatus == AuthorizationStatus.Pending)
            Decide(false, Ledger.DeclineReason.TransactionTimedOut, nowUtc);
        else
            Expire(nowUtc);
    }

    /// <summary>The buttons the UI should show, derived from the transition table and the amounts.</summary>
    public IReadOnlyList<PaymentAction> AvailableActions(DateTime nowUtc)
    {
        var actions = new List<PaymentAction>(3);
        var live = nowUtc < AuthorizationExpiresUtc;
        if (live && RemainingCapturable > 0 && LedgerTransitions.Authorization.CanMove(AuthorizationStatus, AuthorizationStatus.Closed))
            actions.Add(PaymentAction.Capture);
        if (RemainingRefundable > 0)
            actions.Add(PaymentAction.Refund);
        if (CapturedAmount == 0 && LedgerTransitions.Authorization.CanMove(AuthorizationStatus, AuthorizationStatus.Canceled))
            actions.Add(PaymentAction.Cancel);
        return actions;
    }

    private PaymentTransaction AddTransaction(TransactionType type, char letter, long amount, long percentageFee,
        long fixedFee, DateTime nowUtc)
    {
        var transaction = new PaymentTransaction(this, type, amount, ChildReference(letter, type), percentageFee, fixedFee, nowUtc);
        transaction.MoveTo(TransactionStatus.Completed, nowUtc);
        _transactions.Add(transaction);
        return transaction;
    }

    private void MoveTo(AuthorizationStatus next, DateTime nowUtc, string? reasonCode = null)
    {
        LedgerTransitions.Authorization.EnsureAllowed(AuthorizationStatus, next);
        AuthorizationStatus = next;
        _transactions.FirstOrDefault(t => t.Type == TransactionType.Authorization)
            ?.MoveTo(AsTransactionStatus(next), nowUtc, reasonCode);
        Version++;
    }

    private static TransactionStatus AsTransactionStatus(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Pending => TransactionStatus.Pending,
        AuthorizationStatus.Open => TransactionStatus.Open,
        AuthorizationStatus.Declined => TransactionStatus.Declined,
        AuthorizationStatus.Closed => TransactionStatus.Closed,
        AuthorizationStatus.Canceled => TransactionStatus.Canceled,
        _ => TransactionStatus.Expired,
    };

    private void EnsureNotBeforeCreation(DateTime nowUtc)
    {
        if (nowUtc < CreatedUtc) throw new DomainRuleException("Error.TimeBeforeOrderCreation");
    }

    // Child ids follow the seed's style: the order reference, a letter for the kind, and six digits that count up
    // from the order reference's last digits, so they are unique per order and kind.
    private string ChildReference(char letter, TransactionType type)
    {
        var seed = int.Parse(ProviderReferenceId.AsSpan(ProviderReferenceId.Length - 6), CultureInfo.InvariantCulture);
        var sameKind = _transactions.Count(t => t.Type == type);
        return $"{ProviderReferenceId}-{letter}{(seed + sameKind) % 1_000_000:D6}";
    }

    [GeneratedRegex(@"^S0\d-\d{7}-\d{7}$")]
    private static partial Regex ReferencePattern();
}
