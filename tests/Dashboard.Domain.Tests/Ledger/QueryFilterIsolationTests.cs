using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Ledger;

/// <summary>Merchant A's scope never sees B's ledger rows; the Sandbox never sees Production.</summary>
public sealed class QueryFilterIsolationTests : IDisposable
{
    private static readonly DateTime T0 = LedgerFixture.T0;
    private readonly LedgerFixture _f = new();
    private readonly Dashboard.Domain.Merchants.Merchant _other;

    public QueryFilterIsolationTests()
    {
        _other = _f.Database.AddMerchant("GB", "GBP", "Thames Tea Ltd");
    }

    public void Dispose() => _f.Dispose();

    private async Task SeedAsync()
    {
        foreach (var (merchant, environment) in new[]
                 {
                     (_f.Merchant, PaymentEnvironment.Production), (_f.Merchant, PaymentEnvironment.Sandbox),
                     (_other, PaymentEnvironment.Production),
                 })
        {
            var request = _f.Requested(10_000, T0, merchant: merchant, environment: environment);
            var approve = new AuthorizationDecided(merchant.Id, environment, _f.NextEventId(), T0.AddMinutes(1), request.OrderId, true);
            var capture = new CaptureRequested(merchant.Id, environment, _f.NextEventId(), T0.AddHours(1), request.OrderId, 10_000, merchant.Currency);
            await _f.Ledger.ApplyAsync([request, approve, capture]);
            await _f.Settlements.CloseDueSettlementsAsync(merchant.Id, environment, T0.AddDays(15));
        }
    }

    private async Task<(int Orders, int Transactions, int Events, int Settlements, int Lines)> VisibleAsync(IMerchantScope scope)
    {
        await using var db = _f.Database.Create(scope);
        return (await db.PaymentOrders.CountAsync(), await db.PaymentTransactions.CountAsync(),
            await db.ProcessedPaymentEvents.CountAsync(), await db.Settlements.CountAsync(), await db.SettlementLines.CountAsync());
    }

    [Fact]
    public async Task A_merchants_scope_sees_only_its_own_environment()
    {
        await SeedAsync();
        var all = await VisibleAsync(MerchantScope.System);
        var aProd = await VisibleAsync(new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Production));
        var aSandbox = await VisibleAsync(new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Sandbox));
        var bProd = await VisibleAsync(new MerchantScope(_other.Id, PaymentEnvironment.Production));
        var bSandbox = await VisibleAsync(new MerchantScope(_other.Id, PaymentEnvironment.Sandbox));

        Assert.Equal((3, 6, 9, 6, all.Lines), all);
        Assert.Equal((1, 2, 3, 2), (aProd.Orders, aProd.Transactions, aProd.Events, aProd.Settlements));
        Assert.Equal(aProd, aSandbox);
        Assert.Equal(aProd, bProd);
        Assert.Equal((0, 0, 0, 0, 0), bSandbox);
        Assert.Equal(all.Lines, aProd.Lines + aSandbox.Lines + bProd.Lines);
        Assert.Equal((0, 0, 0, 0, 0), await VisibleAsync(MerchantScope.None));
    }

    [Fact]
    public async Task A_merchants_scope_never_finds_another_merchants_order_by_id()
    {
        await SeedAsync();
        await using var system = _f.Database.Create(MerchantScope.System);
        var theirs = await system.PaymentOrders.Where(o => o.MerchantId == _other.Id).Select(o => o.Id).SingleAsync();
        var sandboxOrder = await system.PaymentOrders
            .Where(o => o.MerchantId == _f.Merchant.Id && o.Environment == PaymentEnvironment.Sandbox).Select(o => o.Id).SingleAsync();

        await using var mine = _f.Database.Create(new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Production));
        Assert.Null(await mine.PaymentOrders.FirstOrDefaultAsync(o => o.Id == theirs));
        Assert.Null(await mine.PaymentOrders.FirstOrDefaultAsync(o => o.Id == sandboxOrder));
        Assert.Empty(await mine.PaymentTransactions.Where(t => t.OrderId == theirs).ToListAsync());
    }

    [Fact]
    public async Task A_scoped_ledger_cannot_write_into_another_merchant()
    {
        var scoped = new LedgerService(_f.Database.Factory(new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Production)), _f.Clock);
        await scoped.ApplyAsync(_f.Requested(1_000, T0));
        await Assert.ThrowsAsync<ForbiddenException>(() => scoped.ApplyAsync(_f.Requested(1_000, T0, merchant: _other)));
        await Assert.ThrowsAsync<ForbiddenException>(() => scoped.ApplyAsync(_f.Requested(1_000, T0, environment: PaymentEnvironment.Sandbox)));
    }

    [Fact]
    public async Task The_home_figures_of_one_view_ignore_the_others()
    {
        await SeedAsync();
        var figures = await new LedgerQueries(_f.Database.Factory(new MerchantScope(_other.Id, PaymentEnvironment.Production)))
            .GetHomeFiguresAsync(_other.Id, PaymentEnvironment.Production, T0.AddHours(5));
        Assert.Equal("GBP", figures.Currency);
        Assert.Equal(10_000, figures.TodayCapturedAmount);
        Assert.Equal(1, figures.TodayCaptureCount);
    }
}
