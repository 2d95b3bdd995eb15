using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.TestAccounts;
using Dashboard.Domain.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.TestAccounts;

public sealed class SandboxSimulatorTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly TestAccountService accounts;
    private readonly SandboxSimulator simulator;

    public SandboxSimulatorTests()
    {
        accounts = new TestAccountService(f.Database.Factory(f.Scope), f.Actor, f.Audit, f.Clock);
        simulator = new SandboxSimulator(f.Database.Factory(f.Scope), new LedgerService(f.Database.Factory(f.Scope), f.Clock), f.Actor, f.Clock);
    }

    public void Dispose() => f.Dispose();

    private Task<TestBuyerRow> BuyerAsync(string card = "visa", string email = "camille.test@example.fr") =>
        accounts.CreateAsync(new NewTestBuyer("Camille Test", email, "sandbox-pass-1", card, 12, 2030,
            new AddressInput("Camille Test", "1 rue de la Paix", "75002", "Paris", "FR")));

    [Fact]
    public async Task A_buyer_needs_a_valid_email_and_password_and_only_catalogued_test_cards()
    {
        var buyer = await BuyerAsync();
        Assert.Equal("1111", Assert.Single(buyer.Instruments).Last4);
        await Assert.ThrowsAnyAsync<DomainRuleException>(() => accounts.CreateAsync(new NewTestBuyer("X", "not-an-email", "sandbox-pass-1", "visa", 1, 2030,
            new AddressInput("X", "1", "1", "Paris", "FR"))));
        await Assert.ThrowsAnyAsync<DomainRuleException>(() => accounts.CreateAsync(new NewTestBuyer("X", "x@example.fr", "short", "visa", 1, 2030,
            new AddressInput("X", "1", "1", "Paris", "FR"))));
        await Assert.ThrowsAnyAsync<DomainRuleException>(() => accounts.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("4242424242424242", 1, 2030)));
        await Assert.ThrowsAnyAsync<DomainRuleException>(() => BuyerAsync()); // same e-mail twice
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.DoesNotContain("sandbox-pass-1", (await db.TestBuyers.SingleAsync()).PasswordHash);
    }

    [Fact]
    public async Task Test_accounts_exist_only_in_the_sandbox()
    {
        using var production = new IntegrationFixture(PaymentEnvironment.Production);
        var service = new TestAccountService(production.Database.Factory(production.Scope), production.Actor, production.Audit, production.Clock);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => service.CreateAsync(new NewTestBuyer("X", "x@example.fr", "sandbox-pass-1", "visa", 1, 2030,
            new AddressInput("X", "1", "1", "Paris", "FR"))));
        Assert.Equal("Error.SandboxOnly", refused.MessageKey);
    }

    [Fact]
    public async Task A_partial_refund_scenario_runs_through_the_ledger_and_notifies_the_endpoint()
    {
        var buyer = await BuyerAsync();
        var ipn = new IpnSettingsService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit,
            Microsoft.Extensions.Options.Options.Create(new IpnOptions()), f.Clock);
        await ipn.SaveUrlAsync("https://shop.example/ipn");

        var result = await simulator.RunAsync(buyer.Id, buyer.Instruments[0].Id, 10_000, SimulationScenario.PartialRefund);

        await using var db = f.Database.Create(MerchantScope.System);
        var order = await db.PaymentOrders.Include(o => o.Transactions).SingleAsync(o => o.SellerOrderId == result.SellerOrderIds[0]);
        Assert.Equal(10_000, order.CapturedAmount);
        Assert.Equal(5_000, order.RefundedAmount);
        Assert.Equal(["payment.authorization.approved", "payment.capture", "payment.refund"],
            await db.IpnNotifications.OrderBy(n => n.Id).Select(n => n.Type).ToListAsync());
    }

    [Fact]
    public async Task A_decline_instrument_always_declines_and_a_bulk_run_honours_the_decline_rate()
    {
        var declining = await BuyerAsync("visa-decline");
        var one = await simulator.RunAsync(declining.Id, declining.Instruments[0].Id, 1_000, SimulationScenario.CaptureOnShipment);
        Assert.Equal(1, one.Declined);

        var buyer = await BuyerAsync("visa", "bulk@example.fr");
        var bulk = await simulator.RunBulkAsync(buyer.Id, buyer.Instruments[0].Id, 2_500, SimulationScenario.CaptureOnShipment, 100, 20, seed: 7);
        Assert.Equal(100, bulk.Orders);
        Assert.InRange(bulk.Declined, 10, 30);
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(100 - bulk.Declined, await db.PaymentOrders.CountAsync(o => o.CapturedAmount == 2_500));
    }

    [Fact]
    public async Task Pending_then_approved_is_decided_within_the_fifteen_minute_window()
    {
        var buyer = await BuyerAsync();
        var result = await simulator.RunAsync(buyer.Id, buyer.Instruments[0].Id, 1_000, SimulationScenario.PendingThenApproved);
        await using var db = f.Database.Create(MerchantScope.System);
        var order = await db.PaymentOrders.SingleAsync(o => o.SellerOrderId == result.SellerOrderIds[0]);
        Assert.Equal(AuthorizationStatus.Open, order.AuthorizationStatus);
        Assert.Equal(TimeSpan.FromMinutes(10), order.DecidedUtc - order.CreatedUtc);
    }

    [Fact]
    public async Task The_claim_and_chargeback_scenarios_file_cases_on_captured_orders_through_the_ledger()
    {
        var buyer = await BuyerAsync();
        var claimed = await simulator.RunAsync(buyer.Id, buyer.Instruments[0].Id, 4_000, SimulationScenario.GuaranteeClaim);
        var disputed = await simulator.RunAsync(buyer.Id, buyer.Instruments[0].Id, 6_000, SimulationScenario.Chargeback);

        await using var db = f.Database.Create(f.Scope);
        var claim = await db.GuaranteeClaims.SingleAsync();
        Assert.Equal((claimed.SellerOrderIds[0], 4_000L, PaymentEnvironment.Sandbox), (claim.SellerOrderId, claim.ClaimedAmount, claim.Environment));
        Assert.Equal(4_000, (await db.PaymentOrders.SingleAsync(o => o.SellerOrderId == claimed.SellerOrderIds[0])).CapturedAmount);
        var chargeback = await db.Chargebacks.SingleAsync();
        Assert.Equal((disputed.SellerOrderIds[0], 6_000L, "Visa"), (chargeback.SellerOrderId, chargeback.DisputedAmount, chargeback.Network));
        Assert.Equal(2, await db.PerformanceNotices.CountAsync());
    }

    [Fact]
    public async Task An_instrument_added_later_pays_in_the_simulator_with_its_own_behaviour()
    {
        var buyer = await BuyerAsync();
        await accounts.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("visa-decline", 1, 2031));
        var added = (await accounts.GetAsync(buyer.Id)).Instruments.Single(i => i.Last4 == "0002");
        var result = await simulator.RunAsync(buyer.Id, added.Id, 1_000, SimulationScenario.CaptureOnShipment);
        Assert.Equal(1, result.Declined);
        await accounts.RemoveInstrumentAsync(buyer.Id, added.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => simulator.RunAsync(buyer.Id, added.Id, 1_000, SimulationScenario.CaptureOnShipment));
    }
}
