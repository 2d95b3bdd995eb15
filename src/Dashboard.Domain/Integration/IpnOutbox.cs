using System.Text.Json;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

/// <summary>
/// Writes the IPN notifications of a ledger batch into the same unit of work (IPN-05: no change without its
/// notification, no notification without its change). Only environments with an endpoint get notifications, so demo
/// data and bulk seeding do not fill the outbox.
/// </summary>
public static class IpnOutbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static async Task<HashSet<(Guid MerchantId, PaymentEnvironment Environment)>> SubscribedAsync(
        DashboardDbContext db, IEnumerable<PaymentEvent> events, CancellationToken ct)
    {
        var merchants = events.Select(e => e.MerchantId).Distinct().ToList();
        var rows = await db.IpnEndpoints.AsNoTracking().Where(e => merchants.Contains(e.MerchantId))
            .Select(e => new { e.MerchantId, e.Environment }).ToListAsync(ct);
        return rows.Select(r => (r.MerchantId, r.Environment)).ToHashSet();
    }

    public static IpnNotification For(string merchantCode, string type, PaymentOrder order, PaymentTransaction? transaction,
        DateTime occurredUtc, DateTime nowUtc, bool isTest = false)
    {
        var eventId = IpnNotification.NewEventId();
        var payload = new IpnPayload(eventId, type, occurredUtc, merchantCode, order.Environment.ToString(), isTest,
            new IpnPaymentData(order.Id, order.SellerOrderId, order.ProviderReferenceId, order.AuthorizationStatus.ToString(),
                order.DeclineReason?.ToString(), order.AuthorizedAmount, order.CapturedAmount, order.RefundedAmount, order.Currency,
                transaction is null ? null : new IpnTransactionData(transaction.Id, transaction.Type.ToString(), transaction.Status.ToString(),
                    transaction.Amount, transaction.ProviderReferenceId)));
        return new IpnNotification(order.MerchantId, order.Environment, eventId, type, JsonSerializer.Serialize(payload, Json), isTest, nowUtc);
    }

    public static string TypeOf(PaymentEvent e, PaymentOrder order) => e switch
    {
        AuthorizationDecided => order.AuthorizationStatus == AuthorizationStatus.Open ? "payment.authorization.approved" : "payment.authorization.declined",
        CaptureRequested => "payment.capture",
        RefundRequested => "payment.refund",
        CancelRequested => "payment.cancel",
        GuaranteeClaimFiled => "claim.filed",
        GuaranteeClaimDecided => "claim.decided",
        ChargebackFiled => "chargeback.filed",
        ChargebackDecided => "chargeback.decided",
        _ => "payment.authorization.updated",
    };
}

/// <summary>The notification body: a unique event id and type, the merchant id and environment, and the payment's state.</summary>
public sealed record IpnPayload(string Id, string Type, DateTime OccurredUtc, string MerchantId, string Environment, bool Test, IpnPaymentData Data);

public sealed record IpnPaymentData(Guid OrderId, string SellerOrderId, string ProviderReferenceId, string AuthorizationStatus,
    string? DeclineReason, long AuthorizedAmount, long CapturedAmount, long RefundedAmount, string Currency, IpnTransactionData? Transaction);

public sealed record IpnTransactionData(Guid Id, string Type, string Status, long Amount, string ProviderReferenceId);
