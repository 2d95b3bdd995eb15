using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Reports.Transactions;

public enum TimelineStep
{
    Transaction = 0,
    SettlementLine = 1,
    Payout = 2,
}

/// <summary>
/// One step of an order's life: a transaction (authorization, capture, refund, cancel, claim debit, chargeback,
/// adjustment), the settlement line that booked it, or the payout that paid that settlement.
/// <see cref="ReferenceId"/> is the step's own id, <see cref="LinkedReferenceId"/> the id it hangs on.
/// </summary>
public sealed record OrderTimelineEntry(
    DateTime AtUtc,
    TimelineStep Step,
    TransactionType? Type,
    string State,
    long Amount,
    string ReferenceId,
    string? LinkedReferenceId,
    string? ReasonCode,
    Guid? SettlementId);

/// <summary>An order with everything that happened to it and what can still happen.</summary>
public sealed record OrderDetails(
    Guid Id,
    string SellerOrderId,
    string ProviderReferenceId,
    string BuyerName,
    string BuyerEmail,
    string Currency,
    AuthorizationStatus AuthorizationStatus,
    DeclineReason? DeclineReason,
    long AuthorizedAmount,
    long CapturedAmount,
    long RefundedAmount,
    long ChargebackAmount,
    long RemainingCapturable,
    long RemainingRefundable,
    DateTime CreatedUtc,
    DateTime? AuthorizationExpiresUtc,
    IReadOnlyList<PaymentAction> AvailableActions,
    IReadOnlyList<OrderTimelineEntry> Timeline);

/// <summary>How an open authorization stands against the capture recommendation and its expiry.</summary>
public enum AuthorizationAge
{
    /// <summary>Younger than the capture recommendation.</summary>
    OnTrack = 0,

    /// <summary>Past the recommendation (7 days in Production): capture soon, the buyer's funds are no longer certain.</summary>
    PastRecommendation = 1,

    /// <summary>Expires within the warning window: capture on shipment or cancel now.</summary>
    ExpiringSoon = 2,
}

public sealed record OpenAuthorizationRow(
    Guid OrderId,
    string SellerOrderId,
    string ProviderReferenceId,
    DateTime AuthorizedUtc,
    DateTime ExpiresUtc,
    long RemainingAmount,
    string Currency,
    AuthorizationAge Age);

public sealed record OpenAuthorizationGroup(AuthorizationAge Age, int Count, long Amount);

public sealed record OpenAuthorizations(
    TimeSpan Recommendation,
    TimeSpan Lifetime,
    IReadOnlyList<OpenAuthorizationGroup> Groups,
    IReadOnlyList<OpenAuthorizationRow> Rows);
