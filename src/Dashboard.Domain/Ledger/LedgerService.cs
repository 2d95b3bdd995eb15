using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Ledger;

/// <summary>
/// The single writer of orders and payment transactions. A batch is applied in one SaveChanges: either every event
/// of it takes effect or none does. Events run in the order given.
/// </summary>
public sealed class LedgerService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public Task<LedgerBatchResult> ApplyAsync(PaymentEvent paymentEvent, CancellationToken ct = default) =>
        ApplyAsync([paymentEvent], ct);

    public async Task<LedgerBatchResult> ApplyAsync(IReadOnlyList<PaymentEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return new LedgerBatchResult(0, 0);
        foreach (var e in events)
        {
            if (string.IsNullOrWhiteSpace(e.EventId) || e.EventId.Length > ProcessedPaymentEvent.EventIdMaxLength)
                throw new DomainRuleException("Error.EventIdInvalid");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        // The batch only adds rows and changes loaded orders; one explicit DetectChanges before saving is enough.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var fresh = await FreshEventsAsync(db, events, ct);
        var merchants = await LoadMerchantsAsync(db, fresh, ct);
        var cases = await LoadCasesAsync(db, fresh, ct);
        var orders = await LoadOrdersAsync(db, fresh, cases, ct);
        var processedUtc = clock.GetUtcNow().UtcDateTime;
        var subscribed = await IpnOutbox.SubscribedAsync(db, fresh, ct);

        foreach (var e in fresh)
        {
            if (!merchants.TryGetValue(e.MerchantId, out var merchant))
                throw new DomainRuleException("Error.UnknownMerchant");
            var changed = Apply(db, e, merchant, orders, cases);
            // IPN-05: the notification joins the same SaveChanges as the change it reports.
            if (subscribed.Contains((e.MerchantId, e.Environment)))
            {
                foreach (var (order, transaction) in changed)
                    db.IpnNotifications.Add(IpnOutbox.For(merchant.MerchantCode, IpnOutbox.TypeOf(e, order), order, transaction, e.OccurredUtc, processedUtc));
            }
            db.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(e.MerchantId, e.Environment, e.EventId, processedUtc));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return new LedgerBatchResult(fresh.Count, events.Count - fresh.Count);
    }

    /// <returns>The orders the event changed, with the transaction it created, for the IPN outbox.</returns>
    private static List<(PaymentOrder Order, PaymentTransaction? Transaction)> Apply(DashboardDbContext db, PaymentEvent e,
        MerchantTerms merchant, Dictionary<Guid, PaymentOrder> orders, Cases cases)
    {
        var changed = new List<(PaymentOrder, PaymentTransaction?)>();
        switch (e)
        {
            case PaymentRequested r:
                EnsureCurrency(merchant, r.Currency);
                if (orders.ContainsKey(r.OrderId)) throw new DomainRuleException("Error.OrderAlreadyExists", r.SellerOrderId);
                var order = new PaymentOrder(r.OrderId, r.MerchantId, r.Environment, r.ProviderReferenceId, r.SellerOrderId,
                    r.BuyerName, r.BuyerEmail, r.Amount, r.Currency, FeeSchedule.For(merchant.CountryCode, merchant.Currency),
                    r.OccurredUtc);
                orders.Add(order.Id, order);
                db.PaymentOrders.Add(order);
                break;
            case AuthorizationDecided d:
                var decided = OrderOf(orders, e, d.OrderId);
                decided.Decide(d.Approved, d.Reason, d.OccurredUtc);
                changed.Add((decided, null));
                break;
            case CaptureRequested c:
                EnsureCurrency(merchant, c.Currency);
                changed.Add(AddTransaction(db, OrderOf(orders, e, c.OrderId), o => o.Capture(c.Amount, c.OccurredUtc)));
                break;
            case RefundRequested r:
                EnsureCurrency(merchant, r.Currency);
                changed.Add(AddTransaction(db, OrderOf(orders, e, r.OrderId), o => o.Refund(r.Amount, r.OccurredUtc)));
                break;
            case CancelRequested x:
                changed.Add(AddTransaction(db, OrderOf(orders, e, x.OrderId), o => o.Cancel(x.OccurredUtc)));
                break;
            case AuthorizationExpiryCheck check:
                foreach (var due in orders.Values.Where(o => Owns(o, check) && o.IsDueForExpiry(check.OccurredUtc)).ToList())
                {
                    due.ApplyExpiryCheck(check.OccurredUtc);
                    changed.Add((due, null));
                }
                break;
            case GuaranteeClaimFiled f:
                if (cases.Claims.ContainsKey(f.ClaimId)) throw new DomainRuleException("Error.OrderAlreadyExists", f.ClaimId);
                CaseLedger.FileClaim(db, f, OrderOf(orders, e, f.OrderId), merchant.Settings);
                cases.Claims[f.ClaimId] = db.GuaranteeClaims.Local.First(c => c.Id == f.ClaimId);
                changed.Add((OrderOf(orders, e, f.OrderId), null));
                break;
            case GuaranteeClaimDecided d:
                var claim = cases.Claims.TryGetValue(d.ClaimId, out var found) && Owns(found, e) ? found : throw new DomainRuleException("Error.ClaimNotFound");
                CaseLedger.DecideClaim(db, claim, OrderOf(orders, e, claim.OrderId), d.Decision, d.OccurredUtc);
                changed.Add((OrderOf(orders, e, claim.OrderId), null));
                break;
            case ChargebackFiled f:
                if (cases.Chargebacks.ContainsKey(f.ChargebackId)) throw new DomainRuleException("Error.OrderAlreadyExists", f.ChargebackId);
                CaseLedger.FileChargeback(db, f, OrderOf(orders, e, f.OrderId), merchant.Settings);
                cases.Chargebacks[f.ChargebackId] = db.Chargebacks.Local.First(x => x.Id == f.ChargebackId);
                changed.Add((OrderOf(orders, e, f.OrderId), null));
                break;
            case ChargebackDecided d:
                var chargeback = cases.Chargebacks.TryGetValue(d.ChargebackId, out var cb) && Owns(cb, e) ? cb : throw new DomainRuleException("Error.ClaimNotFound");
                CaseLedger.DecideChargeback(db, chargeback, OrderOf(orders, e, chargeback.OrderId), d.MerchantWon, d.OccurredUtc);
                changed.Add((OrderOf(orders, e, chargeback.OrderId), null));
                break;
            default:
                throw new DomainRuleException("Error.UnknownPaymentEvent", e.GetType().Name);
        }
        return changed;
    }

    private static (PaymentOrder, PaymentTransaction?) AddTransaction(DashboardDbContext db, PaymentOrder order, Func<PaymentOrder, PaymentTransaction> act)
    {
        var transaction = act(order);
        db.PaymentTransactions.Add(transaction);
        return (order, transaction);
    }

    /// <summary>Drops events whose id was applied before or appears earlier in the same batch.</summary>
    private static async Task<List<PaymentEvent>> FreshEventsAsync(DashboardDbContext db, IReadOnlyList<PaymentEvent> events, CancellationToken ct)
    {
        var seen = new HashSet<(Guid, PaymentEnvironment, string)>();
        // Per merchant environment, so the lookup uses the unique index (MerchantId, Environment, EventId).
        foreach (var group in events.GroupBy(e => (e.MerchantId, e.Environment)))
        {
            var (merchantId, environment) = group.Key;
            var ids = group.Select(e => e.EventId).Distinct().ToList();
            var known = await db.ProcessedPaymentEvents.AsNoTracking()
                .Where(p => p.MerchantId == merchantId && p.Environment == environment && ids.Contains(p.EventId))
                .Select(p => p.EventId)
                .ToListAsync(ct);
            foreach (var id in known) seen.Add((merchantId, environment, id));
        }
        var fresh = new List<PaymentEvent>(events.Count);
        foreach (var e in events)
        {
            if (seen.Add((e.MerchantId, e.Environment, e.EventId)))
                fresh.Add(e);
        }
        return fresh;
    }

    private sealed record MerchantTerms(string CountryCode, string Currency, string MerchantCode, PerformanceSettings Settings);

    private static async Task<Dictionary<Guid, MerchantTerms>> LoadMerchantsAsync(DashboardDbContext db, List<PaymentEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.MerchantId).Distinct().ToList();
        var settings = await db.PerformanceSettings.AsNoTracking().Where(s => ids.Contains(s.MerchantId)).ToDictionaryAsync(s => s.MerchantId, ct);
        return await db.Merchants.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new MerchantTerms(m.CountryCode, m.Currency, m.MerchantCode,
                settings.GetValueOrDefault(m.Id) ?? PerformanceSettings.DefaultFor(m.Id, m.CountryCode)), ct);
    }

    private sealed record Cases(Dictionary<Guid, GuaranteeClaim> Claims, Dictionary<Guid, Chargeback> Chargebacks);

    /// <summary>The claims and chargebacks the batch decides, tracked; filings join them as they are applied.</summary>
    private static async Task<Cases> LoadCasesAsync(DashboardDbContext db, List<PaymentEvent> events, CancellationToken ct)
    {
        var claimIds = events.OfType<GuaranteeClaimDecided>().Select(d => d.ClaimId).Distinct().ToList();
        var chargebackIds = events.OfType<ChargebackDecided>().Select(d => d.ChargebackId).Distinct().ToList();
        var claims = claimIds.Count == 0 ? [] : await db.GuaranteeClaims.Where(c => claimIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var chargebacks = chargebackIds.Count == 0 ? [] : await db.Chargebacks.Where(c => chargebackIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return new Cases(claims, chargebacks);
    }

    /// <summary>
    /// Loads, in one query each, the orders the batch refers to and, when the batch runs an expiry check, the orders
    /// that check may end. Both are tracked; new orders of the batch join the same dictionary.
    /// </summary>
    private static async Task<Dictionary<Guid, PaymentOrder>> LoadOrdersAsync(DashboardDbContext db, List<PaymentEvent> events, Cases cases,
        CancellationToken ct)
    {
        var ids = events.Select(OrderIdOf).OfType<Guid>()
            .Concat(cases.Claims.Values.Select(c => c.OrderId))
            .Concat(cases.Chargebacks.Values.Select(c => c.OrderId))
            .Distinct().ToList();
        var orders = new Dictionary<Guid, PaymentOrder>();
        if (ids.Count > 0)
        {
            foreach (var o in await db.PaymentOrders.Include(o => o.Transactions).Where(o => ids.Contains(o.Id)).ToListAsync(ct))
                orders[o.Id] = o;
        }

        foreach (var check in events.OfType<AuthorizationExpiryCheck>()
                     .GroupBy(c => (c.MerchantId, c.Environment))
                     .Select(g => g.MaxBy(c => c.OccurredUtc)!))
        {
            var latestDecision = check.OccurredUtc - PaymentOrder.DecisionWindow;
            var due = await db.PaymentOrders.Include(o => o.Transactions)
                .Where(o => o.MerchantId == check.MerchantId && o.Environment == check.Environment)
                .Where(o => (o.AuthorizationStatus == AuthorizationStatus.Open && o.AuthorizationExpiresUtc <= check.OccurredUtc)
                            || (o.AuthorizationStatus == AuthorizationStatus.Pending && o.CreatedUtc < latestDecision))
                .ToListAsync(ct);
            foreach (var o in due)
                orders.TryAdd(o.Id, o);
        }
        return orders;
    }

    private static Guid? OrderIdOf(PaymentEvent e) => e switch
    {
        AuthorizationDecided d => d.OrderId,
        CaptureRequested c => c.OrderId,
        RefundRequested r => r.OrderId,
        CancelRequested x => x.OrderId,
        GuaranteeClaimFiled f => f.OrderId,
        ChargebackFiled f => f.OrderId,
        _ => null,
    };

    // Another merchant's or environment's order looks exactly like a missing one.
    private static PaymentOrder OrderOf(Dictionary<Guid, PaymentOrder> orders, PaymentEvent e, Guid orderId) =>
        orders.TryGetValue(orderId, out var order) && Owns(order, e)
            ? order
            : throw new DomainRuleException("Error.OrderNotFound", orderId);

    private static bool Owns(IEnvironmentOwned owned, PaymentEvent e) =>
        owned.MerchantId == e.MerchantId && owned.Environment == e.Environment;

    private static void EnsureCurrency(MerchantTerms merchant, string currency)
    {
        if (currency != merchant.Currency)
            throw new DomainRuleException("Error.CurrencyMismatch", merchant.Currency, currency);
    }
}
