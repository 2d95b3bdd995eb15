using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Ledger;

/// <summary>
/// Closes settlement periods. The first period of a merchant environment covers 14 days from the UTC midnight of its
/// first transaction; every later period is one UTC day. A background job, not a user, calls this.
/// </summary>
public sealed class SettlementService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan FirstPeriodLength = TimeSpan.FromDays(14);
    public static readonly TimeSpan PeriodLength = TimeSpan.FromDays(1);

    /// <summary>Closes, one context each, every period that ended by <paramref name="nowUtc"/>; returns the new settlements.</summary>
    public async Task<IReadOnlyList<Settlement>> CloseDueSettlementsAsync(Guid merchantId, PaymentEnvironment environment,
        DateTime nowUtc, CancellationToken ct = default)
    {
        var closed = new List<Settlement>();
        while (await CloseNextAsync(merchantId, environment, nowUtc, ct) is { } settlement)
            closed.Add(settlement);
        await MarkPaidOutAsync(merchantId, environment, nowUtc, ct);
        return closed;
    }

    /// <summary>Same as the overload, at the clock's current time.</summary>
    public Task<IReadOnlyList<Settlement>> CloseDueSettlementsAsync(Guid merchantId, PaymentEnvironment environment, CancellationToken ct = default) =>
        CloseDueSettlementsAsync(merchantId, environment, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<Settlement?> CloseNextAsync(Guid merchantId, PaymentEnvironment environment, DateTime nowUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var currency = await db.Merchants.Where(m => m.Id == merchantId).Select(m => m.Currency).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("Error.UnknownMerchant");
        var transactions = db.PaymentTransactions.Where(t => t.MerchantId == merchantId && t.Environment == environment);
        var previous = await db.Settlements.AsNoTracking()
            .Where(s => s.MerchantId == merchantId && s.Environment == environment)
            .OrderByDescending(s => s.Sequence)
            .FirstOrDefaultAsync(ct);

        DateTime start, end;
        if (previous is null)
        {
            // The first settlement always covers the first 14 days, even when they are quiet.
            var first = await transactions.MinAsync(t => (DateTime?)t.CreatedUtc, ct);
            if (first is null) return null;
            start = first.Value.Date;
            end = start + FirstPeriodLength;
        }
        else
        {
            start = previous.PeriodEndUtc;
            // A released reserve is paid with the very next day; otherwise skip the quiet days up to the next activity.
            if (previous.ReserveHeld == 0)
            {
                var nextActivity = await Unsettled(transactions).MinAsync(t => t.CompletedUtc, ct);
                if (nextActivity is null) return null;
                if (nextActivity.Value.Date > start) start = nextActivity.Value.Date;
            }
            end = start + PeriodLength;
        }
        if (end > nowUtc) return null;

        var due = await Unsettled(transactions)
            .Where(t => t.CompletedUtc < end)
            .OrderBy(t => t.CompletedUtc).ThenBy(t => t.Id)
            .ToListAsync(ct);
        // A join, not Contains over the ids: a busy first period holds more orders than SQLite's 32,766 parameters.
        var orderReferences = await Unsettled(transactions)
            .Where(t => t.CompletedUtc < end)
            .Join(db.PaymentOrders, t => t.OrderId, o => o.Id, (t, o) => new { o.Id, o.ProviderReferenceId })
            .Distinct()
            .ToDictionaryAsync(o => o.Id, o => o.ProviderReferenceId, ct);

        var settlement = new Settlement(merchantId, environment, (previous?.Sequence ?? 0) + 1, start, end, currency);
        settlement.AddOpeningBalance(previous?.ReleasedIntoNext ?? 0, start);
        foreach (var t in due)
            settlement.AddTransaction(t, orderReferences[t.OrderId]);
        settlement.Close(nowUtc);
        db.Settlements.Add(settlement);
        await db.SaveChangesAsync(ct);
        return settlement;
    }

    private static IQueryable<PaymentTransaction> Unsettled(IQueryable<PaymentTransaction> transactions) =>
        // Spelled out (not a Contains over an array) so SQLite turns it into an IN over the (…, SettlementId, Type) index.
        transactions.Where(t => t.SettlementId == null
                                && (t.Type == TransactionType.Capture || t.Type == TransactionType.Refund || t.Type == TransactionType.Chargeback
                                    || t.Type == TransactionType.ClaimDebit || t.Type == TransactionType.ClaimReversal)
                                && t.Status == TransactionStatus.Completed);

    private async Task MarkPaidOutAsync(Guid merchantId, PaymentEnvironment environment, DateTime nowUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Settlements
            .Where(s => s.MerchantId == merchantId && s.Environment == environment
                        && s.Status == SettlementStatus.Closed && s.PayoutDateUtc <= nowUtc)
            .ToListAsync(ct);
        foreach (var s in due)
            s.MarkPaidOut(nowUtc);
        if (due.Count > 0) await db.SaveChangesAsync(ct);
    }
}
