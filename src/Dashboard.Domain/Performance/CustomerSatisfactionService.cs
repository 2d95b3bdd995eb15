using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Performance;

public enum SatisfactionMetric
{
    DefectRate = 0,
    ClaimRate = 1,
    ChargebackRate = 2,
    RefundRate = 3,
    DeclineRate = 4,
}

public enum RateLevel
{
    Good = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>A rate as numerator over denominator, in basis points when read as a number (100 = 1%).</summary>
public sealed record Rate(int Count, int Orders)
{
    /// <summary>Zero orders is a rate of zero, not a division by zero.</summary>
    public decimal Fraction => Orders == 0 ? 0m : (decimal)Count / Orders;

    public int BasisPoints => (int)Math.Round(Fraction * 10_000m, MidpointRounding.AwayFromZero);
}

/// <summary>Amber from <see cref="WarningBasisPoints"/>, red from <see cref="CriticalBasisPoints"/>.</summary>
public sealed record RateThreshold(int WarningBasisPoints, int CriticalBasisPoints)
{
    public RateLevel LevelOf(Rate rate) =>
        rate.BasisPoints >= CriticalBasisPoints ? RateLevel.Critical
        : rate.BasisPoints >= WarningBasisPoints ? RateLevel.Warning
        : RateLevel.Good;
}

public sealed record MetricValue(SatisfactionMetric Metric, Rate Rate, RateThreshold Threshold)
{
    public RateLevel Level => Threshold.LevelOf(Rate);
}

public sealed record TrendPoint(DateTime WindowEndUtc, IReadOnlyDictionary<SatisfactionMetric, Rate> Rates);

public sealed record SatisfactionSummary(DateTime WindowStartUtc, DateTime WindowEndUtc, IReadOnlyList<MetricValue> Metrics, IReadOnlyList<TrendPoint> Trend);

public sealed record SatisfactionOrderRow(Guid OrderId, string SellerOrderId, long Amount, string Currency, DateTime CreatedUtc);

/// <summary>
/// Customer-satisfaction rates over the orders placed in the last 60 days, each order counted once per metric: an
/// order with both a claim and a chargeback is one defective order. Queries run on the current view's scope (the
/// context's merchant/environment filters), one aggregate query per trend point; orders are never loaded to be counted.
/// </summary>
public sealed class CustomerSatisfactionService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(60);
    public static readonly TimeSpan TrendStep = TimeSpan.FromDays(7);
    public const int TrendWeeks = 12;

    // Guide values for the rates the provider sets no policy on; the defect rate uses the merchant's own threshold.
    private static readonly RateThreshold ClaimThreshold = new(50, 100);
    private static readonly RateThreshold ChargebackThreshold = new(50, 100);
    private static readonly RateThreshold RefundThreshold = new(500, 1_000);
    private static readonly RateThreshold DeclineThreshold = new(1_000, 2_000);

    public static IReadOnlyList<SatisfactionMetric> Metrics { get; } = Enum.GetValues<SatisfactionMetric>();

    /// <summary>Amber from half the merchant's threshold, red from the threshold itself (default 1%).</summary>
    public static RateThreshold DefectThreshold(int thresholdBasisPoints) => new(thresholdBasisPoints / 2, thresholdBasisPoints);

    /// <summary>
    /// The current 60-day rates, and the trend: the same 60-day rate computed at weekly points over the last 12 weeks
    /// (13 points, the last one now), so the line moves the way the number on the card moves.
    /// </summary>
    public async Task<SatisfactionSummary> GetAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.View);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var thresholdBp = await db.PerformanceSettings.AsNoTracking().Select(s => (int?)s.DefectRateThresholdBasisPoints).FirstOrDefaultAsync(ct)
                          ?? PerformanceSettings.DefaultDefectRateThreshold;
        var trend = new List<TrendPoint>();
        for (var week = TrendWeeks; week >= 0; week--)
        {
            var end = now - TrendStep * week;
            trend.Add(new TrendPoint(end, await RatesAsync(db, end, ct)));
        }
        var current = trend[^1].Rates;
        var metrics = Metrics.Select(m => new MetricValue(m, current[m], ThresholdOf(m, thresholdBp))).ToList();
        return new SatisfactionSummary(now - Window, now, metrics, trend);
    }

    /// <summary>The orders behind a current rate's numerator, newest first.</summary>
    public async Task<Page<SatisfactionOrderRow>> OrdersAsync(SatisfactionMetric metric, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.View);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Numerator(db, InWindow(db.PaymentOrders.AsNoTracking(), now), metric);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.CreatedUtc).ThenBy(o => o.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 200))
            .Select(o => new SatisfactionOrderRow(o.Id, o.SellerOrderId, o.AuthorizedAmount, o.Currency, o.CreatedUtc))
            .ToListAsync(ct);
        return new Page<SatisfactionOrderRow>(items, total);
    }

    private static RateThreshold ThresholdOf(SatisfactionMetric metric, int defectThresholdBp) => metric switch
    {
        SatisfactionMetric.DefectRate => DefectThreshold(defectThresholdBp),
        SatisfactionMetric.ClaimRate => ClaimThreshold,
        SatisfactionMetric.ChargebackRate => ChargebackThreshold,
        SatisfactionMetric.RefundRate => RefundThreshold,
        _ => DeclineThreshold,
    };

    // One query per point: every numerator is a conditional count over the same window (EXISTS inside COUNT), so
    // the page costs 13 queries instead of 13 × 6.
    private static async Task<Dictionary<SatisfactionMetric, Rate>> RatesAsync(DashboardDbContext db, DateTime endUtc, CancellationToken ct)
    {
        var counts = await InWindow(db.PaymentOrders.AsNoTracking(), endUtc)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                Defect = g.Count(o => db.GuaranteeClaims.Any(c => c.OrderId == o.Id) || db.Chargebacks.Any(c => c.OrderId == o.Id)),
                Claim = g.Count(o => db.GuaranteeClaims.Any(c => c.OrderId == o.Id)),
                Chargeback = g.Count(o => db.Chargebacks.Any(c => c.OrderId == o.Id)),
                Refund = g.Count(o => o.RefundedAmount > 0),
                Decline = g.Count(o => o.AuthorizationStatus == AuthorizationStatus.Declined),
            })
            .FirstOrDefaultAsync(ct);
        int total = counts?.Total ?? 0;
        return new Dictionary<SatisfactionMetric, Rate>
        {
            [SatisfactionMetric.DefectRate] = new(counts?.Defect ?? 0, total),
            [SatisfactionMetric.ClaimRate] = new(counts?.Claim ?? 0, total),
            [SatisfactionMetric.ChargebackRate] = new(counts?.Chargeback ?? 0, total),
            [SatisfactionMetric.RefundRate] = new(counts?.Refund ?? 0, total),
            [SatisfactionMetric.DeclineRate] = new(counts?.Decline ?? 0, total),
        };
    }

    /// <summary>Orders placed in the 60 days before <paramref name="endUtc"/>: after the start, up to and including the end.</summary>
    internal static IQueryable<PaymentOrder> InWindow(IQueryable<PaymentOrder> orders, DateTime endUtc)
    {
        var start = endUtc - Window;
        return orders.Where(o => o.CreatedUtc > start && o.CreatedUtc <= endUtc);
    }

    // EXISTS subqueries, so an order with two claims, or a claim and a chargeback, is still one order.
    internal static IQueryable<PaymentOrder> Numerator(DashboardDbContext db, IQueryable<PaymentOrder> orders, SatisfactionMetric metric) => metric switch
    {
        SatisfactionMetric.DefectRate => orders.Where(o => db.GuaranteeClaims.Any(c => c.OrderId == o.Id) || db.Chargebacks.Any(c => c.OrderId == o.Id)),
        SatisfactionMetric.ClaimRate => orders.Where(o => db.GuaranteeClaims.Any(c => c.OrderId == o.Id)),
        SatisfactionMetric.ChargebackRate => orders.Where(o => db.Chargebacks.Any(c => c.OrderId == o.Id)),
        SatisfactionMetric.RefundRate => orders.Where(o => o.RefundedAmount > 0),
        SatisfactionMetric.DeclineRate => orders.Where(o => o.AuthorizationStatus == AuthorizationStatus.Declined),
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };
}
