using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>
/// Something the provider (or the merchant's integration) reports about a payment. <see cref="EventId"/> is unique per
/// merchant and environment: the ledger applies an event id once, however often it is delivered.
/// </summary>
public abstract record PaymentEvent(Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc);

/// <summary>A buyer checked out: a new order with a Pending authorization of <paramref name="Amount"/>.</summary>
public sealed record PaymentRequested(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, string ProviderReferenceId, string SellerOrderId, string BuyerName, string BuyerEmail,
    long Amount, string Currency)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

public sealed record AuthorizationDecided(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, bool Approved, DeclineReason? Reason = null)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

public sealed record CaptureRequested(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, long Amount, string Currency)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

public sealed record RefundRequested(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, long Amount, string Currency)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

public sealed record CancelRequested(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc, Guid OrderId)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

/// <summary>Expires the environment's Open authorizations whose lifetime passed and times out stale Pending requests.</summary>
public sealed record AuthorizationExpiryCheck(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

/// <summary>What a batch did: events applied, and events skipped because their id was already applied.</summary>
public sealed record LedgerBatchResult(int Applied, int Skipped);

/// <summary>A buyer filed an A-to-z Guarantee claim on a captured order; the deadline follows the merchant's rule.</summary>
public sealed record GuaranteeClaimFiled(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, Guid ClaimId, Claims.ClaimReason Reason, long Amount, string BuyerStatement)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

/// <summary>The provider decided a claim: granted (debits the merchant), denied, withdrawn, or an appeal's outcome.</summary>
public sealed record GuaranteeClaimDecided(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid ClaimId, Claims.ClaimStatus Decision)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

/// <summary>The card network reports a chargeback on a captured order.</summary>
public sealed record ChargebackFiled(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid OrderId, Guid ChargebackId, string Network, string ReasonCode, string ReasonDescription,
    Chargebacks.DisputeType DisputeType, long Amount)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);

/// <summary>The issuer decided a contested chargeback.</summary>
public sealed record ChargebackDecided(
    Guid MerchantId, PaymentEnvironment Environment, string EventId, DateTime OccurredUtc,
    Guid ChargebackId, bool MerchantWon)
    : PaymentEvent(MerchantId, Environment, EventId, OccurredUtc);
