using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Tests.Performance;

public sealed class CustomerSatisfactionTests : IDisposable
{
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    private CustomerSatisfactionService Service() => new(f.Database.Factory(f.Scope), new FakeActor(PermissionLevel.View), f.Clock);

    private async Task ClaimAsync(Guid orderId, long amount) =>
        await f.Ledger.Ledger.ApplyAsync(new GuaranteeClaimFiled(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(), f.Clock.UtcNow,
            orderId, Guid.NewGuid(), ClaimReason.NotReceived, amount, "The parcel never arrived."));

    private async Task ChargebackAsync(Guid orderId, long amount) =>
        await f.Ledger.Ledger.ApplyAsync(new ChargebackFiled(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(), f.Clock.UtcNow,
            orderId, Guid.NewGuid(), "Visa", "13.1", "Merchandise not received", DisputeType.Service, amount));

    private static Rate RateOf(SatisfactionSummary s, SatisfactionMetric m) => s.Metrics.Single(x => x.Metric == m).Rate;

    [Fact]
    public async Task An_order_with_both_a_claim_and_a_chargeback_counts_once_in_the_defect_rate()
    {
        var both = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-5));
        for (var i = 0; i < 3; i++) await f.Ledger.CapturedOrderAsync(5_000, f.Clock.UtcNow.AddDays(-4));
        await ClaimAsync(both, 4_000);
        await ChargebackAsync(both, 3_000);

        var summary = await Service().GetAsync();

        Assert.Equal(new Rate(1, 4), RateOf(summary, SatisfactionMetric.DefectRate));
        Assert.Equal(new Rate(1, 4), RateOf(summary, SatisfactionMetric.ClaimRate));
        Assert.Equal(new Rate(1, 4), RateOf(summary, SatisfactionMetric.ChargebackRate));
        Assert.Equal(2_500, RateOf(summary, SatisfactionMetric.DefectRate).BasisPoints);
        Assert.Equal(RateLevel.Critical, summary.Metrics.Single(m => m.Metric == SatisfactionMetric.DefectRate).Level);
        var page = await Service().OrdersAsync(SatisfactionMetric.DefectRate, 0, 25);
        Assert.Equal(both, Assert.Single(page.Items).OrderId);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task An_order_leaves_the_60_day_window_exactly_60_days_after_it_was_placed()
    {
        var placed = f.Clock.UtcNow;
        var order = await f.Ledger.CapturedOrderAsync(10_000, placed);
        f.Clock.Advance(TimeSpan.FromHours(1));
        await ClaimAsync(order, 10_000);

        f.Clock.Set(placed + CustomerSatisfactionService.Window - TimeSpan.FromSeconds(1));
        Assert.Equal(new Rate(1, 1), RateOf(await Service().GetAsync(), SatisfactionMetric.DefectRate));

        f.Clock.Set(placed + CustomerSatisfactionService.Window);
        Assert.Equal(new Rate(0, 0), RateOf(await Service().GetAsync(), SatisfactionMetric.DefectRate));
        Assert.Empty((await Service().OrdersAsync(SatisfactionMetric.DefectRate, 0, 25)).Items);
    }

    [Fact]
    public async Task Refunds_and_declines_have_their_own_rates()
    {
        var refunded = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-2));
        await f.Ledger.Ledger.ApplyAsync(f.Ledger.Refund(refunded, 1_000, f.Clock.UtcNow.AddDays(-1)));
        var declined = f.Ledger.Requested(2_000, f.Clock.UtcNow.AddDays(-1));
        await f.Ledger.Ledger.ApplyAsync([declined, new AuthorizationDecided(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(),
            f.Clock.UtcNow.AddDays(-1).AddMinutes(1), declined.OrderId, false, DeclineReason.InvalidPaymentMethod)]);

        var summary = await Service().GetAsync();

        Assert.Equal(new Rate(1, 2), RateOf(summary, SatisfactionMetric.RefundRate));
        Assert.Equal(new Rate(1, 2), RateOf(summary, SatisfactionMetric.DeclineRate));
        Assert.Equal(new Rate(0, 2), RateOf(summary, SatisfactionMetric.DefectRate));
    }

    [Fact]
    public async Task Every_rate_on_the_card_counts_exactly_the_orders_its_drill_down_lists()
    {
        var claimOnly = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-9));
        var both = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-8));
        var chargebackOnly = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-7));
        var refunded = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-6));
        await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-70));   // outside the window
        await ClaimAsync(claimOnly, 1_000);
        await ClaimAsync(both, 1_000);
        await ChargebackAsync(both, 1_000);
        await ChargebackAsync(chargebackOnly, 1_000);
        await f.Ledger.Ledger.ApplyAsync(f.Ledger.Refund(refunded, 500, f.Clock.UtcNow.AddDays(-5)));

        var summary = await Service().GetAsync();
        var expected = new Dictionary<SatisfactionMetric, int>
        {
            [SatisfactionMetric.DefectRate] = 3, [SatisfactionMetric.ClaimRate] = 2, [SatisfactionMetric.ChargebackRate] = 2,
            [SatisfactionMetric.RefundRate] = 1, [SatisfactionMetric.DeclineRate] = 0,
        };
        foreach (var metric in CustomerSatisfactionService.Metrics)
        {
            var rate = RateOf(summary, metric);
            Assert.Equal(new Rate(expected[metric], 4), rate);
            Assert.Equal(rate.Count, (await Service().OrdersAsync(metric, 0, 200)).Total);
        }
    }

    [Fact]
    public async Task Zero_orders_give_zero_rates_and_a_full_trend()
    {
        var summary = await Service().GetAsync();

        Assert.All(summary.Metrics, m =>
        {
            Assert.Equal(0, m.Rate.Orders);
            Assert.Equal(0m, m.Rate.Fraction);
            Assert.Equal(RateLevel.Good, m.Level);
        });
        Assert.Equal(CustomerSatisfactionService.TrendWeeks + 1, summary.Trend.Count);
        Assert.Equal(f.Clock.UtcNow, summary.Trend[^1].WindowEndUtc);
    }

    [Fact]
    public async Task Another_merchants_orders_are_not_counted()
    {
        await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-2));
        var other = f.Database.AddMerchant(name: "Autre Boutique");
        await f.Ledger.Ledger.ApplyAsync(f.Ledger.Requested(5_000, f.Clock.UtcNow.AddDays(-1), merchant: other));

        Assert.Equal(1, RateOf(await Service().GetAsync(), SatisfactionMetric.DeclineRate).Orders);
    }

    [Fact]
    public async Task The_job_raises_one_defect_rate_notice_per_day_while_the_rate_is_above_the_threshold()
    {
        var order = await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-5));
        await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-5));
        await ChargebackAsync(order, 5_000);

        Assert.Equal(1, (await f.Job().RunAsync()).DefectRateNotices);
        Assert.Equal(0, (await f.Job().RunAsync()).DefectRateNotices);
        f.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await f.Job().RunAsync()).DefectRateNotices);

        using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(2, db.PerformanceNotices.Count(n => n.Type == NoticeType.DefectRateAboveThreshold && n.MerchantId == f.Ledger.Merchant.Id));
    }

    [Fact]
    public async Task The_job_raises_no_defect_rate_notice_below_the_threshold()
    {
        for (var i = 0; i < 3; i++) await f.Ledger.CapturedOrderAsync(10_000, f.Clock.UtcNow.AddDays(-5));

        Assert.Equal(0, (await f.Job().RunAsync()).DefectRateNotices);
    }
}
