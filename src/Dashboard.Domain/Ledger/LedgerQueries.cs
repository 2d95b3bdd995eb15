using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Ledger;

public sealed record DailyVolume(DateOnly Day, long Amount);

public sealed record ExpiringAuthorizationRow(Guid OrderId, string SellerOrderId, DateTime ExpiresUtc, long RemainingAmount);

public sealed record SettlementSummaryRow(string SettlementReference, DateTime PeriodEndUtc, long PayoutAmount, DateTime? PayoutDateUtc);

/// <summary>The home page's figures, in minor units of <see cref="Currency"/>. Days are UTC days.</summary>
public sealed record HomeFigures(
    string Currency,
    long TodayCapturedAmount,
    int TodayCaptureCount,
    long Last30DaysCapturedAmount,
    int Last30DaysCaptureCount,
    IReadOnlyList<DailyVolume> DailyCaptured,
    int ExpiringSoonCount,
    IReadOnlyList<ExpiringAuthorizationRow> ExpiringSoon,
    SettlementSummaryRow? LastSettlement);

/// <summary>Read models for the portal's pages. Queries rely on the context's merchant scope, never on a passed-in id alone.</summary>
public sealed class LedgerQueries(IDbContextFactory<DashboardDbContext> contexts)
{
    public const int DailyWindowDays = 30;
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(3);
    public const int ExpiringListSize = 5;

    public async Task<HomeFigures> GetHomeFiguresAsync(Guid merchantId, PaymentEnvironment environment, DateTime nowUtc,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The query filters restrict every set below to the scope; the check makes a mismatched call fail loudly
        // instead of showing another view's (or, for the system scope, every merchant's) figures.
        if (db.Scope.IsSystem || db.Scope.MerchantId != merchantId || db.Scope.Environment != environment)
            throw new ForbiddenException("reading another view's figures");

        var currency = await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.Currency).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Merchant");

        var today = nowUtc.Date;
        var from = today.AddDays(-(DailyWindowDays - 1));
        var tomorrow = today.AddDays(1);
        var perDay = await db.PaymentTransactions.AsNoTracking()
            .Where(t => t.Type == TransactionType.Capture && t.Status == TransactionStatus.Completed
                        && t.CompletedUtc >= from && t.CompletedUtc < tomorrow)
            .GroupBy(t => t.CompletedUtc!.Value.Date)
            .Select(g => new { Day = g.Key, Amount = g.Sum(t => t.Amount), Count = g.Count() })
            .ToListAsync(ct);
        var byDay = perDay.ToDictionary(d => DateOnly.FromDateTime(d.Day));
        var daily = Enumerable.Range(0, DailyWindowDays)
            .Select(i => DateOnly.FromDateTime(from.AddDays(i)))
            .Select(day => new DailyVolume(day, byDay.TryGetValue(day, out var d) ? d.Amount : 0))
            .ToList();
        var todayRow = byDay.GetValueOrDefault(DateOnly.FromDateTime(today));

        var horizon = nowUtc + ExpiringWithin;
        var expiring = db.PaymentOrders.AsNoTracking()
            .Where(o => o.AuthorizationStatus == AuthorizationStatus.Open
                        && o.AuthorizationExpiresUtc > nowUtc && o.AuthorizationExpiresUtc <= horizon);
        var expiringCount = await expiring.CountAsync(ct);
        var expiringRows = await expiring
            .OrderBy(o => o.AuthorizationExpiresUtc)
            .Take(ExpiringListSize)
            .Select(o => new ExpiringAuthorizationRow(o.Id, o.SellerOrderId, o.AuthorizationExpiresUtc!.Value, o.AuthorizedAmount - o.CapturedAmount))
            .ToListAsync(ct);

        var lastSettlement = await db.Settlements.AsNoTracking()
            .Where(s => s.Status == SettlementStatus.Closed || s.Status == SettlementStatus.PaidOut)
            .OrderByDescending(s => s.PeriodEndUtc)
            .Select(s => new SettlementSummaryRow(s.SettlementReference, s.PeriodEndUtc, s.PayoutAmount, s.PayoutDateUtc))
            .FirstOrDefaultAsync(ct);

        return new HomeFigures(currency,
            todayRow?.Amount ?? 0, todayRow?.Count ?? 0,
            perDay.Sum(d => d.Amount), perDay.Sum(d => d.Count),
            daily, expiringCount, expiringRows, lastSettlement);
    }
}
