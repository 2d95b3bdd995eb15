using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports.Payments;
using Dashboard.Domain.Tests.Ledger;

namespace Dashboard.Domain.Tests.Reports;

public sealed class SettlementReportServiceTests
{
    private static readonly DateTime T0 = LedgerFixture.T0;

    private static SettlementReportService Service(LedgerFixture f) =>
        new(f.Database.Factory(new MerchantScope(f.Merchant.Id, f.Environment)), FakeActor.Reports);

    private static async Task<SettlementStatement> FirstStatementAsync(LedgerFixture f)
    {
        var s = (await Service(f).GetSettlementsAsync(T0.AddDays(-30), T0.AddDays(60))).OrderBy(r => r.PeriodEndUtc).First();
        return (await Service(f).GetStatementAsync(s.Id))!;
    }

    [Theory]
    [InlineData("FR", "EUR", 123_45)]
    [InlineData("JP", "JPY", 12_345)]
    public async Task A_closed_settlement_reconciles_in_euro_cents_and_whole_yen(string country, string currency, long amount)
    {
        using var f = new LedgerFixture(country, currency);
        var id = await f.CapturedOrderAsync(amount, T0);
        await f.CapturedOrderAsync(amount * 2, T0.AddHours(2));
        await f.Ledger.ApplyAsync(f.Refund(id, amount / 3, T0.AddHours(5)));
        await f.Settlements.CloseDueSettlementsAsync(f.Merchant.Id, f.Environment, T0.AddDays(20));

        var statement = await FirstStatementAsync(f);
        Assert.True(statement.Reconciles, string.Join("; ", statement.Reconciliation.Where(r => !r.Passed).Select(r => $"{r.Check} {r.Expected} != {r.Actual}")));
        Assert.Equal(currency, statement.Settlement.Currency);
        Assert.Equal(amount * 3, statement.Settlement.Sales);
        Assert.Equal(-(amount / 3), statement.Settlement.Refunds);
        var rate = FeeSchedule.For(country, currency);
        var fees = statement.Lines.Where(l => l.TransactionType == SettlementLine.Types.Capture).Sum(l => l.TotalTransactionFee);
        Assert.Equal(-(rate.PercentageOf(amount) + rate.PercentageOf(amount * 2) + 2 * rate.FixedFee), fees);
        Assert.Equal(statement.Settlement.PayoutAmount, -statement.Lines.Single(l => l.TransactionType == SettlementLine.Types.Transfer).NetTransactionAmount);
    }

    [Fact]
    public void A_missing_capture_a_duplicate_line_and_a_wrong_fee_are_each_flagged()
    {
        var settlementId = Guid.NewGuid();
        var rate = new FeeRate(290, 35, "EUR");
        var s = new SettlementRow(settlementId, "1000000001", T0, T0.AddDays(1), SettlementStatus.Closed, T0.AddDays(2), 0, 100_00, 0, 0, 0, 0, 0, 0, "EUR");
        var a = new SettledCapture(Guid.NewGuid(), "S02-A", 60_00, settlementId, T0.AddHours(1), rate);
        var b = new SettledCapture(Guid.NewGuid(), "S02-B", 40_00, settlementId, T0.AddHours(2), rate);
        var missed = new SettledCapture(Guid.NewGuid(), "S02-C", 10_00, null, T0.AddHours(3), rate);
        long Fee(long amount) => -(rate.PercentageOf(amount) + rate.FixedFee);
        var links = new List<SettlementLineLink>
        {
            new(a.TransactionId, SettlementLine.Types.Capture, 60_00, Fee(60_00)),
            new(a.TransactionId, SettlementLine.Types.Capture, 60_00, Fee(60_00)),          // booked twice
            new(b.TransactionId, SettlementLine.Types.Capture, 40_00, Fee(40_00) - 1),      // one cent too much fee
        };
        var lines = new List<SettlementLineRow>
        {
            Line(SettlementLine.Types.Capture, 60_00 + Fee(60_00)), Line(SettlementLine.Types.Capture, 60_00 + Fee(60_00)),
            Line(SettlementLine.Types.Capture, 40_00 + Fee(40_00) - 1), Line(SettlementLine.Types.Transfer, -1),
        };

        var results = SettlementReconciliation.Check(s, lines, links, [a, b, missed], 0).ToDictionary(r => r.Check);
        Assert.False(results[ReconciliationCheck.LinesSumToPayout].Passed);
        Assert.False(results[ReconciliationCheck.TransferMatchesPayout].Passed);
        Assert.Equal(["S02-A", "S02-C"], results[ReconciliationCheck.EveryCaptureOnce].Offenders);
        Assert.Equal(["S02-B"], results[ReconciliationCheck.FeesMatchSchedule].Offenders.Distinct());
    }

    private static SettlementLineRow Line(string type, long net) =>
        new(T0, "1000000001", null, null, type, null, null, net, 0, 0, 0, net, "EUR");

    [Fact]
    public async Task Another_merchant_sees_no_settlement()
    {
        using var f = new LedgerFixture();
        await f.CapturedOrderAsync(10_00, T0);
        await f.Settlements.CloseDueSettlementsAsync(f.Merchant.Id, f.Environment, T0.AddDays(20));
        var id = (await Service(f).GetSettlementsAsync(T0.AddDays(-30), T0.AddDays(60)))[0].Id;
        var other = f.Database.AddMerchant("JP", "JPY", "Sakura");
        var stranger = new SettlementReportService(f.Database.Factory(new MerchantScope(other.Id, f.Environment)), FakeActor.Reports);
        Assert.Null(await stranger.GetStatementAsync(id));
        Assert.Empty(await stranger.GetSettlementsAsync(T0.AddDays(-30), T0.AddDays(60)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new SettlementReportService(f.Database.Factory(new MerchantScope(f.Merchant.Id, f.Environment)), new FakeActor((Section.Transactions, PermissionLevel.View)))
                .GetStatementAsync(id));
    }
}
