using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.TestAccounts;
using Dashboard.Domain.Tests.Performance;

namespace Dashboard.Domain.Tests.Claims;

/// <summary>The provider's decisions, as the Sandbox simulator plays them, and the money they move.</summary>
public sealed class ClaimDecisionTests : IDisposable
{
    private readonly PerformanceFixture f = new(PaymentEnvironment.Sandbox);

    public void Dispose() => f.Dispose();

    private SandboxSimulator Simulator(PermissionLevel level = PermissionLevel.Edit, MerchantScope? scope = null) =>
        new(f.Database.Factory(scope ?? f.Scope), f.Ledger.Ledger, new FakeActor(level), f.Clock);

    private async Task<Guid> GrantedAndAppealedAsync(Guid id)
    {
        await Simulator().DecideClaimAsync(id, ClaimStatus.Granted);
        await f.Claims().AppealAsync(id, "The tracking shows delivery to the buyer's address.", Guid.NewGuid());
        return id;
    }

    [Fact]
    public async Task A_won_appeal_credits_back_the_debit_and_settles_it_as_a_reversal_line()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000);
        await f.Claims().RefundAsync(id, 2_500, Guid.NewGuid());
        await GrantedAndAppealedAsync(id);
        Assert.Equal(7_500, f.Order(orderId).ClaimDebitedAmount);

        // The debit settles first: the settlement's claims total is the (negative) claim line.
        f.Clock.Advance(TimeSpan.FromDays(20));
        var before = await f.Ledger.Settlements.CloseDueSettlementsAsync(f.Ledger.Merchant.Id, f.Ledger.Environment);
        Assert.Equal(-7_500, before.Sum(s => s.ClaimsTotal));

        await Simulator().DecideClaimAsync(id, ClaimStatus.AppealWon);
        var claim = (await f.Claims().GetAsync(id)).Claim;
        Assert.Equal(ClaimStatus.AppealWon, claim.Status);
        Assert.Equal((7_500L, 7_500L), (claim.DebitedAmount, claim.ReversedAmount));
        var order = f.Order(orderId);
        Assert.Equal(0, order.ClaimDebitedAmount);
        Assert.Equal(7_500, order.RemainingRefundable);
        Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.ClaimReversal && t.Amount == 7_500);

        f.Clock.Advance(TimeSpan.FromDays(2));
        var after = await f.Ledger.Settlements.CloseDueSettlementsAsync(f.Ledger.Merchant.Id, f.Ledger.Environment);
        var reversal = Assert.Single(after.SelectMany(s => s.Lines), l => l.TransactionType == SettlementLine.Types.GuaranteeClaimReversal);
        Assert.Equal((7_500L, 7_500L), (reversal.TransactionAmount, reversal.NetTransactionAmount));
        Assert.Equal(7_500, after.Sum(s => s.ClaimsTotal));
        Assert.All(before.Concat(after), s => Assert.Equal(
            s.Lines.Where(l => l.TransactionType is SettlementLine.Types.GuaranteeClaim or SettlementLine.Types.GuaranteeClaimReversal).Sum(l => l.TransactionAmount),
            s.ClaimsTotal));
        Assert.All(f.Transactions(orderId).Where(t => t.Type != TransactionType.Authorization), t => Assert.NotNull(t.SettlementId));
    }

    [Fact]
    public async Task A_lost_appeal_keeps_the_debit()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 4_000);
        await f.Claims().RepresentAsync(id, new ClaimDraft("Delivered.", f.Clock.UtcNow.AddDays(-1), "DHL", "123"), Guid.NewGuid());
        await GrantedAndAppealedAsync(id);
        await Simulator().DecideClaimAsync(id, ClaimStatus.AppealLost);
        Assert.Equal(4_000, f.Order(orderId).ClaimDebitedAmount);
        Assert.DoesNotContain(f.Transactions(orderId), t => t.Type == TransactionType.ClaimReversal);
        Assert.Equal(0, (await f.Claims().GetAsync(id)).Claim.ReversedAmount);
    }

    [Fact]
    public async Task A_denied_claim_moves_no_money_and_only_table_moves_are_offered()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 4_000);
        Assert.Equal([ClaimStatus.Withdrawn], SandboxSimulator.ClaimDecisions(ClaimStatus.ActionRequired));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Simulator().DecideClaimAsync(id, ClaimStatus.Granted));
        Assert.Equal("Error.NotADecision", ex.MessageKey);

        await f.Claims().RepresentAsync(id, new ClaimDraft("Delivered.", f.Clock.UtcNow.AddDays(-1), "DHL", "123"), Guid.NewGuid());
        Assert.Equal([ClaimStatus.Granted, ClaimStatus.Denied, ClaimStatus.Withdrawn], SandboxSimulator.ClaimDecisions(ClaimStatus.Represented));
        await Simulator().DecideClaimAsync(id, ClaimStatus.Denied);
        Assert.Equal(ClaimStatus.Denied, (await f.Claims().GetAsync(id)).Claim.Status);
        Assert.Equal(0, f.Order(orderId).ClaimDebitedAmount);
        Assert.Empty(SandboxSimulator.ClaimDecisions(ClaimStatus.Denied));
    }

    [Fact]
    public async Task A_lost_chargeback_is_debited_with_its_fee_and_a_won_one_is_not()
    {
        var (lostOrder, lost) = await f.FiledChargebackAsync(amount: 3_000);
        var (wonOrder, won) = await f.FiledChargebackAsync(amount: 2_000);
        foreach (var id in new[] { lost, won })
        {
            var v = await f.Chargebacks().SaveDraftAsync(id, "Delivered and signed for.", 0);
            Assert.Equal(1, v);
            await f.Chargebacks().ContestAsync(id, Guid.NewGuid());
        }
        await Simulator().DecideChargebackAsync(lost, merchantWon: false);
        await Simulator().DecideChargebackAsync(won, merchantWon: true);

        Assert.Equal(ChargebackStatus.Lost, (await f.Chargebacks().GetAsync(lost)).Chargeback.Status);
        Assert.Equal(ChargebackStatus.Won, (await f.Chargebacks().GetAsync(won)).Chargeback.Status);
        Assert.Single(f.Transactions(lostOrder), t => t.Type == TransactionType.Chargeback && t.Amount == 3_000 && t.FixedFee == ChargebackFees.For("EUR"));
        Assert.DoesNotContain(f.Transactions(wonOrder), t => t.Type == TransactionType.Chargeback);
        await Assert.ThrowsAsync<DomainRuleException>(() => Simulator().DecideChargebackAsync(won, merchantWon: false));
    }

    [Fact]
    public async Task Decisions_are_simulated_only_in_the_sandbox_and_only_with_test_account_edit()
    {
        var (_, id) = await f.FiledClaimAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => Simulator(PermissionLevel.View).DecideClaimAsync(id, ClaimStatus.Withdrawn));
        var production = new MerchantScope(f.Ledger.Merchant.Id, PaymentEnvironment.Production);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Simulator(scope: production).DecideClaimAsync(id, ClaimStatus.Withdrawn));
        Assert.Equal("Error.SandboxOnly", ex.MessageKey);
        var other = new MerchantScope(Guid.NewGuid(), PaymentEnvironment.Sandbox);
        await Assert.ThrowsAsync<NotFoundException>(() => Simulator(scope: other).DecideClaimAsync(id, ClaimStatus.Withdrawn));
    }
}
