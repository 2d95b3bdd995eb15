using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Payments;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Domain.Tests.Ledger;
using Dashboard.Domain.Tests.Reports;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>The ledger, the reports and optimistic concurrency on a migrated PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerTests(PostgresServer server)
{
    private static readonly DateTime T0 = LedgerFixture.T0;

    [Fact]
    public async Task A_batch_of_payment_events_is_applied_once_and_reported_and_settled_on_PostgreSQL()
    {
        using var f = new LedgerFixture(new PostgresDatabase(server, "ledger"));
        var request = f.Requested(120_00, T0);
        var batch = new PaymentEvent[] { request, f.Approved(request.OrderId, T0.AddMinutes(1)), f.Capture(request.OrderId, 100_00, T0.AddMinutes(2)),
            f.Refund(request.OrderId, 30_00, T0.AddHours(3)) };
        Assert.Equal(new LedgerBatchResult(4, 0), await f.Ledger.ApplyAsync(batch));
        Assert.Equal(new LedgerBatchResult(0, 4), await f.Ledger.ApplyAsync(batch));
        await f.CapturedOrderAsync(50_00, T0.AddHours(1));

        var reports = new TransactionReportService(f.Database.Factory(new MerchantScope(f.Merchant.Id, f.Environment)), FakeActor.Reports);
        var day = new TransactionReportFilter(T0.Date, T0.Date.AddDays(1));
        var all = await reports.GetPageAsync(day, TransactionSort.Default, 0, 50);
        Assert.Equal(5, all.TotalCount);   // 2 authorizations, 2 captures, 1 refund
        Assert.All(all.Rows, r => Assert.Equal(DateTimeKind.Utc, r.CreatedUtc.Kind));
        var captures = await reports.GetPageAsync(day with { Types = [TransactionType.Capture] }, TransactionSort.Default, 0, 50);
        Assert.Equal([100_00L, 50_00L], captures.Rows.Select(r => r.Amount).OrderDescending());
        // The buyer e-mail compares without case on PostgreSQL too (ILIKE), wildcards stay literal.
        Assert.Equal(5, (await reports.GetPageAsync(day with { Search = "CAMILLE.martin@example.fr" }, TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Equal(0, (await reports.GetPageAsync(day with { Search = "%@%" }, TransactionSort.Default, 0, 50)).TotalCount);

        await f.Settlements.CloseDueSettlementsAsync(f.Merchant.Id, f.Environment, T0.AddDays(20));
        var payments = new SettlementReportService(f.Database.Factory(new MerchantScope(f.Merchant.Id, f.Environment)), FakeActor.Reports);
        // The first period's payout, then the next one releasing the reserve.
        var settlement = (await payments.GetSettlementsAsync(T0.AddDays(-30), T0.AddDays(30))).Single(s => s.SettlementReference == "1000000001");
        var statement = (await payments.GetStatementAsync(settlement.Id))!;
        Assert.True(statement.Reconciles);
        Assert.Equal(150_00, statement.Settlement.Sales);
        Assert.Equal(-30_00, statement.Settlement.Refunds);
    }

    [Fact]
    public async Task A_row_changed_by_someone_else_is_a_concurrency_conflict_through_xmin()
    {
        using var f = new LedgerFixture(new PostgresDatabase(server, "xmin"));
        var orderId = await f.CapturedOrderAsync(100_00, T0, captured: 40_00);

        await using var mine = f.Database.Create(MerchantScope.System);
        var order = await mine.PaymentOrders.Include(o => o.Transactions).SingleAsync(o => o.Id == orderId);
        // Another instance changes the row without touching Version: only xmin can tell.
        await using (var other = f.Database.Create(MerchantScope.System))
            await other.Database.ExecuteSqlRawAsync("""UPDATE "PaymentOrders" SET "BuyerName" = 'Someone Else' WHERE "Id" = {0}""", orderId);

        order.Capture(10_00, T0.AddHours(1));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());
    }
}
