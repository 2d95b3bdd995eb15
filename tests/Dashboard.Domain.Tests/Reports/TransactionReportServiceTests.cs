using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Domain.Tests.Ledger;

namespace Dashboard.Domain.Tests.Reports;

public sealed class TransactionReportServiceTests : IDisposable
{
    private static readonly DateTime T0 = LedgerFixture.T0;
    private readonly LedgerFixture _f = new();

    private TransactionReportService Service(ICurrentActor? actor = null) =>
        new(_f.Database.Factory(new MerchantScope(_f.Merchant.Id, _f.Environment)), actor ?? FakeActor.Reports);

    private static TransactionReportFilter Day(DateTime fromUtc) => new(fromUtc.Date, fromUtc.Date.AddDays(1));

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Filters_by_status_type_and_amount_range()
    {
        var first = await _f.CapturedOrderAsync(10_00, T0);
        await _f.CapturedOrderAsync(50_00, T0.AddHours(1));
        await _f.Ledger.ApplyAsync(_f.Refund(first, 4_00, T0.AddHours(2)));

        var service = Service();
        var all = await service.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50);
        Assert.Equal(5, all.TotalCount);   // 2 authorizations, 2 captures, 1 refund

        var captures = await service.GetPageAsync(Day(T0) with { Types = [TransactionType.Capture] }, TransactionSort.Default, 0, 50);
        Assert.Equal([50_00L, 10_00L], captures.Rows.Select(r => r.Amount));

        var closed = await service.GetPageAsync(Day(T0) with { Statuses = [TransactionStatus.Closed] }, TransactionSort.Default, 0, 50);
        Assert.All(closed.Rows, r => Assert.Equal(TransactionType.Authorization, r.Type));
        Assert.Equal(2, closed.TotalCount);

        var mid = await service.GetPageAsync(Day(T0) with { MinAmount = 4_00, MaxAmount = 10_00 }, TransactionSort.Default, 0, 50);
        Assert.Equal([4_00L, 10_00L, 10_00L], mid.Rows.Select(r => r.Amount).Order());
    }

    [Fact]
    public async Task Search_finds_a_seller_order_id_a_provider_reference_or_a_buyer_email_without_case()
    {
        var id = await _f.CapturedOrderAsync(12_00, T0);
        await _f.CapturedOrderAsync(13_00, T0.AddHours(1));
        var service = Service();
        var row = (await service.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50)).Rows.First(r => r.OrderId == id);

        Assert.Equal(2, (await service.GetPageAsync(Day(T0) with { Search = row.SellerOrderId }, TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Equal(2, (await service.GetPageAsync(Day(T0) with { Search = row.OrderReferenceId }, TransactionSort.Default, 0, 50)).TotalCount);
        var capture = (await service.GetPageAsync(Day(T0) with { Types = [TransactionType.Capture] }, TransactionSort.Default, 0, 50)).Rows.First(r => r.OrderId == id);
        Assert.Equal(1, (await service.GetPageAsync(Day(T0) with { Search = capture.ProviderReferenceId }, TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Equal(4, (await service.GetPageAsync(Day(T0) with { Search = "CAMILLE.martin@example.fr" }, TransactionSort.Default, 0, 50)).TotalCount);
        // LIKE wildcards are literal: "%" matches nothing.
        Assert.Equal(0, (await service.GetPageAsync(Day(T0) with { Search = "%@%" }, TransactionSort.Default, 0, 50)).TotalCount);
    }

    [Fact]
    public async Task Every_whitelisted_sort_orders_the_rows_and_pages_do_not_overlap()
    {
        for (var i = 0; i < 6; i++) await _f.CapturedOrderAsync((i % 3 + 1) * 1_00, T0.AddMinutes(10 * i));
        var service = Service();
        foreach (var field in Enum.GetValues<TransactionSortField>())
        {
            foreach (var descending in new[] { false, true })
            {
                var sort = new TransactionSort(field, descending);
                var pageOne = await service.GetPageAsync(Day(T0), sort, 0, 5);
                var pageTwo = await service.GetPageAsync(Day(T0), sort, 5, 50);
                var all = pageOne.Rows.Concat(pageTwo.Rows).ToList();
                Assert.Equal(12, all.Select(r => r.Id).Distinct().Count());
                var streamed = new List<TransactionRow>();
                await foreach (var r in service.StreamAsync(Day(T0), sort)) streamed.Add(r);
                Assert.Equal(all.Select(r => r.Id), streamed.Select(r => r.Id));
            }
        }
        var byAmount = await service.GetPageAsync(Day(T0), new TransactionSort(TransactionSortField.Amount, false), 0, 50);
        Assert.Equal(byAmount.Rows.Select(r => r.Amount).Order(), byAmount.Rows.Select(r => r.Amount));
        var newest = await service.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50);
        Assert.Equal(newest.Rows.Select(r => r.CreatedUtc).OrderDescending(), newest.Rows.Select(r => r.CreatedUtc));
    }

    [Fact]
    public async Task The_date_range_includes_its_start_and_excludes_its_end()
    {
        await _f.CapturedOrderAsync(1_00, T0);
        var service = Service();
        var atStart = new TransactionReportFilter(T0, T0.AddHours(1));
        Assert.Equal(2, (await service.GetPageAsync(atStart with { Types = [TransactionType.Authorization, TransactionType.Capture] }, TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Equal(0, (await service.GetPageAsync(new TransactionReportFilter(T0.AddHours(-1), T0), TransactionSort.Default, 0, 50)).TotalCount);
    }

    [Fact]
    public async Task Another_merchant_or_environment_sees_none_of_the_rows_and_the_order_looks_missing()
    {
        var id = await _f.CapturedOrderAsync(1_00, T0);
        var other = _f.Database.AddMerchant("JP", "JPY", "Sakura");
        var stranger = new TransactionReportService(_f.Database.Factory(new MerchantScope(other.Id, _f.Environment)), FakeActor.Reports);
        var sandbox = new TransactionReportService(_f.Database.Factory(new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Sandbox)), FakeActor.Reports);

        Assert.Equal(0, (await stranger.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Equal(0, (await sandbox.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50)).TotalCount);
        Assert.Null(await stranger.GetOrderAsync(id, T0));
        Assert.NotNull(await Service().GetOrderAsync(id, T0));
    }

    [Fact]
    public async Task Without_the_transactions_permission_the_service_refuses()
    {
        var service = Service(new FakeActor((Section.Payments, PermissionLevel.Edit)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetPageAsync(Day(T0), TransactionSort.Default, 0, 50));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetOrderAsync(Guid.NewGuid(), T0));
    }

    [Fact]
    public async Task An_order_timeline_links_authorization_captures_refunds_settlement_line_and_payout()
    {
        var id = await _f.CapturedOrderAsync(100_00, T0, captured: 60_00);
        await _f.Ledger.ApplyAsync(_f.Refund(id, 10_00, T0.AddHours(3)));
        await _f.Settlements.CloseDueSettlementsAsync(_f.Merchant.Id, _f.Environment, T0.AddDays(20));

        var details = await Service().GetOrderAsync(id, T0.AddDays(1));
        Assert.NotNull(details);
        Assert.Equal(40_00, details.RemainingCapturable);
        Assert.Equal(50_00, details.RemainingRefundable);
        Assert.Equal([PaymentAction.Capture, PaymentAction.Refund], details.AvailableActions);

        var steps = details.Timeline.Select(e => (e.Step, e.Type)).ToList();
        Assert.Equal((TimelineStep.Transaction, TransactionType.Authorization), steps[0]);
        Assert.Contains((TimelineStep.Transaction, TransactionType.Capture), steps);
        Assert.Contains((TimelineStep.Transaction, TransactionType.Refund), steps);
        Assert.Equal(2, details.Timeline.Count(e => e.Step == TimelineStep.SettlementLine));
        var payout = Assert.Single(details.Timeline, e => e.Step == TimelineStep.Payout);
        var capture = details.Timeline.First(e => e.Type == TransactionType.Capture);
        var line = details.Timeline.First(e => e.Step == TimelineStep.SettlementLine && e.LinkedReferenceId == capture.ReferenceId);
        Assert.Equal(payout.ReferenceId, line.ReferenceId);
        Assert.Equal(details.ProviderReferenceId, capture.LinkedReferenceId);
    }

    [Fact]
    public async Task Open_authorizations_are_grouped_against_the_recommendation_and_the_expiry()
    {
        foreach (var daysAgo in new[] { 1, 10, 28 })
        {
            var r = _f.Requested(5_00, T0.AddDays(-daysAgo));
            await _f.Ledger.ApplyAsync([r, _f.Approved(r.OrderId, T0.AddDays(-daysAgo).AddMinutes(1))]);
        }
        var open = await Service().GetOpenAuthorizationsAsync(T0);
        Assert.Equal(TimeSpan.FromDays(7), open.Recommendation);
        Assert.Equal([1, 1, 1], open.Groups.Select(g => g.Count));
        Assert.Equal(AuthorizationAge.ExpiringSoon, open.Rows[0].Age);
        Assert.Equal(AuthorizationAge.OnTrack, open.Rows[^1].Age);

        // In the Sandbox an authorization lives 2 days: the recommendation is 1 day, the warning the last 12 hours.
        var sandboxLife = PaymentOrder.AuthorizationLifetime(PaymentEnvironment.Sandbox);
        Assert.Equal(TimeSpan.FromDays(1), TransactionReportService.RecommendationFor(sandboxLife));
        Assert.Equal(AuthorizationAge.ExpiringSoon, TransactionReportService.Classify(T0, T0 + sandboxLife, sandboxLife, T0.AddHours(37)));
        Assert.Equal(AuthorizationAge.PastRecommendation, TransactionReportService.Classify(T0, T0 + sandboxLife, sandboxLife, T0.AddHours(25)));
    }
}
