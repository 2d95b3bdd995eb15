using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Tests.Ledger;

public sealed class LedgerQueriesTests : IDisposable
{
    private readonly LedgerFixture _f = new();
    private static readonly DateTime T0 = LedgerFixture.T0;
    private static readonly DateTime Day0 = T0.Date;

    public void Dispose() => _f.Dispose();

    private LedgerQueries QueriesFor(Guid merchantId, PaymentEnvironment environment) =>
        new(_f.Database.Factory(new MerchantScope(merchantId, environment)));

    [Fact]
    public async Task The_home_figures_sum_todays_and_the_last_30_days_captures()
    {
        await _f.CapturedOrderAsync(10_000, T0);                          // day 0: outside the window seen from day 30
        await _f.CapturedOrderAsync(2_000, T0.AddDays(1));                // day 1
        await _f.CapturedOrderAsync(3_000, T0.AddDays(30));               // today
        await _f.CapturedOrderAsync(4_000, T0.AddDays(30).AddHours(1), captured: 1_500);
        var now = Day0.AddDays(30).AddHours(18);

        var home = await QueriesFor(_f.Merchant.Id, _f.Environment).GetHomeFiguresAsync(_f.Merchant.Id, _f.Environment, now);

        Assert.Equal("EUR", home.Currency);
        Assert.Equal(4_500, home.TodayCapturedAmount);
        Assert.Equal(2, home.TodayCaptureCount);
        Assert.Equal(6_500, home.Last30DaysCapturedAmount);
        Assert.Equal(3, home.Last30DaysCaptureCount);
        Assert.Equal(30, home.DailyCaptured.Count);
        Assert.Equal(DateOnly.FromDateTime(Day0.AddDays(1)), home.DailyCaptured[0].Day);
        Assert.Equal(2_000, home.DailyCaptured[0].Amount);
        Assert.Equal(new DailyVolume(DateOnly.FromDateTime(Day0.AddDays(30)), 4_500), home.DailyCaptured[^1]);
        Assert.Equal(home.Last30DaysCapturedAmount, home.DailyCaptured.Sum(d => d.Amount));
    }

    [Fact]
    public async Task Authorizations_expiring_within_3_days_are_listed_soonest_first_with_their_remainder()
    {
        for (var i = 0; i < 7; i++)
        {
            var request = _f.Requested(1_000 + i, T0.AddHours(i));
            await _f.Ledger.ApplyAsync([request, _f.Approved(request.OrderId, T0.AddHours(i).AddMinutes(1))]);
        }
        var partly = await _f.CapturedOrderAsync(5_000, T0.AddHours(8), captured: 1_200);
        var late = _f.Requested(9_000, T0.AddDays(10));
        await _f.Ledger.ApplyAsync([late, _f.Approved(late.OrderId, T0.AddDays(10).AddMinutes(1))]);

        var now = T0.AddDays(28);   // the T0 orders expire at T0 + 30 days
        var home = await QueriesFor(_f.Merchant.Id, _f.Environment).GetHomeFiguresAsync(_f.Merchant.Id, _f.Environment, now);

        Assert.Equal(8, home.ExpiringSoonCount);
        Assert.Equal(5, home.ExpiringSoon.Count);
        Assert.Equal(home.ExpiringSoon.OrderBy(r => r.ExpiresUtc).ToList(), home.ExpiringSoon);
        Assert.Equal(1_000, home.ExpiringSoon[0].RemainingAmount);

        var later = await QueriesFor(_f.Merchant.Id, _f.Environment).GetHomeFiguresAsync(_f.Merchant.Id, _f.Environment, T0.AddDays(30).AddHours(7));
        // The seven earliest have expired by then; the partly captured order is next, with its uncaptured remainder.
        Assert.Equal(partly, later.ExpiringSoon[0].OrderId);
        Assert.Equal(3_800, later.ExpiringSoon[0].RemainingAmount);
        Assert.Equal(1, later.ExpiringSoonCount);
    }

    [Fact]
    public async Task The_last_closed_settlement_is_shown()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15));
        var home = await QueriesFor(_f.Merchant.Id, _f.Environment).GetHomeFiguresAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15));
        Assert.Equal(new SettlementSummaryRow("1000000002", Day0.AddDays(15), 1_000, Day0.AddDays(16)), home.LastSettlement);
    }

    [Fact]
    public async Task Asking_for_another_view_than_the_scope_is_forbidden()
    {
        var queries = QueriesFor(_f.Merchant.Id, PaymentEnvironment.Production);
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.GetHomeFiguresAsync(Guid.NewGuid(), PaymentEnvironment.Production, T0));
        await Assert.ThrowsAsync<ForbiddenException>(() => queries.GetHomeFiguresAsync(_f.Merchant.Id, PaymentEnvironment.Sandbox, T0));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new LedgerQueries(_f.Database.System).GetHomeFiguresAsync(_f.Merchant.Id, PaymentEnvironment.Production, T0));
    }
}
