using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>The state of an order's authorization, as the provider reports it.</summary>
public enum AuthorizationStatus
{
    Pending = 0,
    Open = 1,
    Declined = 2,
    Closed = 3,
    Canceled = 4,
    Expired = 5,
}

/// <summary>Why the provider declined a payment request.</summary>
public enum DeclineReason
{
    InvalidPaymentMethod = 0,
    AmazonRejected = 1,
    ProcessingFailure = 2,
    TransactionTimedOut = 3,
}

public enum TransactionType
{
    Authorization = 0,
    Capture = 1,
    Refund = 2,
    Cancel = 3,
    Chargeback = 4,
    ClaimDebit = 5,
    Adjustment = 6,
    /// <summary>A claim debit given back: the merchant won the appeal against a granted claim.</summary>
    ClaimReversal = 7,
}

/// <summary>
/// One status set for every transaction type; which moves are legal depends on the type
/// (see <see cref="LedgerTransitions.For(TransactionType)"/>).
/// </summary>
public enum TransactionStatus
{
    Pending = 0,
    Open = 1,
    Declined = 2,
    Closed = 3,
    Canceled = 4,
    Expired = 5,
    Completed = 6,
}

/// <summary>What the UI may offer on an order right now.</summary>
public enum PaymentAction
{
    Capture = 0,
    Refund = 1,
    Cancel = 2,
}

/// <summary>The ledger's state machines, one table each.</summary>
public static class LedgerTransitions
{
    public static readonly TransitionTable<AuthorizationStatus> Authorization = new("Authorization", new()
    {
        [AuthorizationStatus.Pending] = [AuthorizationStatus.Open, AuthorizationStatus.Declined],
        [AuthorizationStatus.Open] = [AuthorizationStatus.Closed, AuthorizationStatus.Canceled, AuthorizationStatus.Expired],
    });

    /// <summary>The authorization row of an order moves exactly like the order's authorization.</summary>
    public static readonly TransitionTable<TransactionStatus> AuthorizationTransaction = new("AuthorizationTransaction", new()
    {
        [TransactionStatus.Pending] = [TransactionStatus.Open, TransactionStatus.Declined],
        [TransactionStatus.Open] = [TransactionStatus.Closed, TransactionStatus.Canceled, TransactionStatus.Expired],
    });

    /// <summary>Captures, refunds, cancels, chargebacks, claim debits and adjustments: they either complete or are declined.</summary>
    public static readonly TransitionTable<TransactionStatus> MoneyMovement = new("MoneyMovement", new()
    {
        [TransactionStatus.Pending] = [TransactionStatus.Completed, TransactionStatus.Declined],
    });

    public static TransitionTable<TransactionStatus> For(TransactionType type) =>
        type == TransactionType.Authorization ? AuthorizationTransaction : MoneyMovement;
}
