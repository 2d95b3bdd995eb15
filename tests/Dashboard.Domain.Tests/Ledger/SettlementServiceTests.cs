using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Ledger;

public sealed class SettlementServiceTests : IDisposable
{
    private readonly LedgerFixture _f = new();
    // Orders start mid-morning; the first period runs from that UTC midnight.
    private static readonly DateTime T0 = LedgerFixture.T0;
    private static readonly DateTime Day0 = T0.Date;

    public void Dispose() => _f.Dispose();

    private async Task<List<Settlement>> SettlementsAsync()
    {
        await using var db = _f.Database.Create(MerchantScope.System);
        return await db.Settlements.Include(s => s.Lines).OrderBy(s => s.Sequence).ToListAsync();
    }

    private static void AssertBalanced(Settlement s)
    {
        var nonTransfer = s.Lines.Where(l => l.TransactionType != SettlementLine.Types.Transfer).ToList();
        Assert.Equal(s.PayoutAmount + s.BalanceCarriedForward, nonTransfer.Sum(l => l.NetTransactionAmount));
        Assert.Equal(-s.PayoutAmount, s.Lines.Single(l => l.TransactionType == SettlementLine.Types.Transfer).NetTransactionAmount);
        Assert.Equal(0, s.Lines.Sum(l => l.NetTransactionAmount) - s.BalanceCarriedForward);
        Assert.Equal(s.CapturesTotal, s.Lines.Where(l => l.TransactionType == SettlementLine.Types.Capture).Sum(l => l.TransactionAmount));
        Assert.Equal(s.RefundsTotal, s.Lines.Where(l => l.TransactionType == SettlementLine.Types.Refund).Sum(l => l.TransactionAmount));
        Assert.Equal(s.FeesTotal, s.Lines.Sum(l => l.TotalTransactionFee));
        Assert.Equal(s.OpeningBalance, s.Lines.Single(l => l.TransactionType == SettlementLine.Types.OpeningBalance).NetTransactionAmount);
        Assert.Equal(s.OpeningBalance + s.CapturesTotal + s.RefundsTotal + s.FeesTotal + s.ChargebacksTotal - s.ReserveHeld,
            s.PayoutAmount + s.BalanceCarriedForward);
        Assert.All(s.Lines, l => Assert.Equal(l.TransactionAmount + l.TotalTransactionFee, l.NetTransactionAmount));
    }

    [Fact]
    public async Task Nothing_is_settled_before_the_first_14_days_have_passed()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        Assert.Empty(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14).AddTicks(-1)));
        var closed = await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14));
        var s = Assert.Single(closed);
        Assert.Equal(Day0, s.PeriodStartUtc);
        Assert.Equal(Day0.AddDays(14), s.PeriodEndUtc);
        Assert.Equal(SettlementStatus.Closed, s.Status);
    }

    [Fact]
    public async Task A_capture_is_paid_out_less_fees_and_the_10_percent_reserve()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        var s = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14)));

        var capture = s.Lines.Single(l => l.TransactionType == SettlementLine.Types.Capture);
        Assert.Equal(10_000, capture.TransactionAmount);
        Assert.Equal(-290, capture.TransactionPercentageFee);
        Assert.Equal(-35, capture.TransactionFixedFee);
        Assert.Equal(-325, capture.TotalTransactionFee);
        Assert.Equal(9_675, capture.NetTransactionAmount);
        Assert.Matches(@"-C\d{6}$", capture.ProviderTransactionId);
        Assert.Matches(@"^S02-\d{7}-\d{7}$", capture.OrderReferenceId);
        Assert.Equal(1_000, s.ReserveHeld);
        Assert.Equal(8_675, s.PayoutAmount);
        Assert.Equal(Day0.AddDays(15), s.PayoutDateUtc);
        Assert.Equal("1000000001", s.SettlementReference);
        AssertBalanced(s);
    }

    [Fact]
    public async Task The_reserve_is_released_into_the_next_settlements_opening_balance()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14));
        var next = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15)));

        Assert.Equal(Day0.AddDays(14), next.PeriodStartUtc);
        Assert.Equal(Day0.AddDays(15), next.PeriodEndUtc);
        Assert.Equal(1_000, next.OpeningBalance);
        Assert.Equal(0, next.ReserveHeld);
        Assert.Equal(1_000, next.PayoutAmount);
        Assert.Equal("1000000002", next.SettlementReference);
        AssertBalanced(next);
    }

    [Fact]
    public async Task Refunds_are_negative_and_credit_back_the_percentage_fee()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0);
        await _f.Ledger.ApplyAsync(_f.Refund(orderId, 4_000, T0.AddDays(3)));
        var s = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14)));

        var refund = s.Lines.Single(l => l.TransactionType == SettlementLine.Types.Refund);
        Assert.Equal(-4_000, refund.TransactionAmount);
        Assert.Equal(116, refund.TransactionPercentageFee);
        Assert.Equal(0, refund.TransactionFixedFee);
        Assert.Equal(-3_884, refund.NetTransactionAmount);
        Assert.Equal(-325 + 116, s.FeesTotal);
        AssertBalanced(s);
    }

    [Fact]
    public async Task A_negative_balance_pays_nothing_and_carries_over_to_the_next_settlement()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15));   // pays 8,675 then the 1,000 reserve
        await _f.Ledger.ApplyAsync(_f.Refund(orderId, 10_000, Day0.AddDays(16).AddHours(10)));

        var negative = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(17)));
        Assert.Equal(Day0.AddDays(16), negative.PeriodStartUtc);   // the quiet day 15 produced no settlement
        Assert.Equal(0, negative.PayoutAmount);
        Assert.Equal(-10_000 + 290, negative.BalanceCarriedForward);
        Assert.Equal(0, negative.ReserveHeld);
        Assert.Null(negative.PayoutDateUtc);
        AssertBalanced(negative);

        await _f.CapturedOrderAsync(20_000, Day0.AddDays(18).AddHours(9));
        var recovered = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(19)));
        Assert.Equal(-9_710, recovered.OpeningBalance);
        // 20,000 − 580 − 35 − 9,710 = 9,675 available; the reserve (2,000) fits.
        Assert.Equal(2_000, recovered.ReserveHeld);
        Assert.Equal(7_675, recovered.PayoutAmount);
        AssertBalanced(recovered);
    }

    [Fact]
    public async Task The_reserve_never_exceeds_the_positive_balance()
    {
        var first = await _f.CapturedOrderAsync(10_000, T0);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15));
        var day = Day0.AddDays(16).AddHours(9);
        await _f.Ledger.ApplyAsync(_f.Refund(first, 9_000, day));
        await _f.CapturedOrderAsync(10_000, day.AddHours(1));

        var s = Assert.Single(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(17)));
        // 10,000 − 325 − 9,000 + 261 = 936 available; 10% of captures would be 1,000.
        Assert.Equal(936, s.ReserveHeld);
        Assert.Equal(0, s.PayoutAmount);
        Assert.Equal(0, s.BalanceCarriedForward);
        AssertBalanced(s);
    }

    [Fact]
    public async Task Every_transaction_is_settled_exactly_once()
    {
        for (var d = 0; d < 20; d++)
            await _f.CapturedOrderAsync(1_000 + d, T0.AddDays(d));
        var closed = await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(25));
        Assert.Equal(Enumerable.Range(1, closed.Count).Select(i => (long)i), closed.Select(s => s.Sequence));
        Assert.Empty(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(25)));

        await using var db = _f.Database.Create(MerchantScope.System);
        var captures = await db.PaymentTransactions.Where(t => t.Type == TransactionType.Capture).ToListAsync();
        Assert.All(captures, t => Assert.NotNull(t.SettlementId));
        var lines = await db.SettlementLines.Where(l => l.PaymentTransactionId != null).Select(l => l.PaymentTransactionId).ToListAsync();
        Assert.Equal(captures.Count, lines.Count);
        Assert.Equal(captures.Count, lines.Distinct().Count());
        foreach (var s in await SettlementsAsync()) AssertBalanced(s);
    }

    [Fact]
    public async Task A_settlement_is_marked_paid_out_once_its_payout_date_passes()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(14));
        Assert.Equal(SettlementStatus.Closed, (await SettlementsAsync())[0].Status);
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, Day0.AddDays(15));
        var all = await SettlementsAsync();
        Assert.Equal(SettlementStatus.PaidOut, all[0].Status);
        Assert.Equal(SettlementStatus.Closed, all[1].Status);
    }

    [Fact]
    public async Task Sandbox_and_production_settle_separately()
    {
        await _f.CapturedOrderAsync(10_000, T0);
        Assert.Empty(await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, PaymentEnvironment.Sandbox, Day0.AddDays(30)));
    }
}
