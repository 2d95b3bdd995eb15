using Dashboard.Domain.Claims;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;

namespace Dashboard.Domain.Tests.Performance;

public sealed class PerformanceDeadlineJobTests : IDisposable
{
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task An_unanswered_claim_is_assigned_and_debited_exactly_once()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000, claimed: 8_000);
        var deadline = (await f.Claims().GetAsync(id)).Claim.RespondByUtc;

        f.Clock.Set(deadline.AddSeconds(-1));
        Assert.Equal(0, (await f.Job().RunAsync()).ClaimsAssigned);

        f.Clock.Set(deadline);
        Assert.Equal(1, (await f.Job().RunAsync()).ClaimsAssigned);
        Assert.Equal(0, (await f.Job().RunAsync()).ClaimsAssigned);
        f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await f.Job().RunAsync()).ClaimsAssigned);

        Assert.Equal(ClaimStatus.AutoAssigned, (await f.Claims().GetAsync(id)).Claim.Status);
        Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.ClaimDebit && t.Amount == 8_000);
        Assert.Equal(8_000, f.Order(orderId).ClaimDebitedAmount);
        using var db = f.Database.Create(MerchantScope.System);
        Assert.Single(db.PerformanceNotices.Where(n => n.RelatedId == id && n.Type == NoticeType.ClaimAutoAssigned));
    }

    [Fact]
    public async Task The_48_hour_reminder_is_sent_once()
    {
        var (_, id) = await f.FiledClaimAsync();
        var deadline = (await f.Claims().GetAsync(id)).Claim.RespondByUtc;
        f.Clock.Set(deadline - TimeSpan.FromHours(49));
        Assert.Equal(0, (await f.Job().RunAsync()).Reminders);
        f.Clock.Set(deadline - TimeSpan.FromHours(47));
        Assert.Equal(1, (await f.Job().RunAsync()).Reminders);
        f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await f.Job().RunAsync()).Reminders);
    }

    [Fact]
    public async Task A_claim_debit_and_a_chargeback_fee_are_settled()
    {
        var (claimOrder, claimId) = await f.FiledClaimAsync(amount: 5_000);
        var (chargebackOrder, chargebackId) = await f.FiledChargebackAsync(amount: 2_000);
        await f.Chargebacks().AcceptAsync(chargebackId, Guid.NewGuid());
        var deadline = (await f.Claims().GetAsync(claimId)).Claim.RespondByUtc;
        f.Clock.Set(deadline.AddMinutes(1));
        await f.Job().RunAsync();

        f.Clock.Advance(TimeSpan.FromDays(30));
        var settlements = await f.Ledger.Settlements.CloseDueSettlementsAsync(f.Ledger.Merchant.Id, f.Ledger.Environment);
        var lines = settlements.SelectMany(s => s.Lines).ToList();
        Assert.Contains(lines, l => l.TransactionType == SettlementLine.Types.GuaranteeClaim && l.NetTransactionAmount == -5_000);
        Assert.Contains(lines, l => l.TransactionType == SettlementLine.Types.Chargeback
                                    && l.TransactionAmount == -2_000 && l.TotalTransactionFee == -ChargebackFees.For("EUR"));
        Assert.All(f.Transactions(claimOrder).Concat(f.Transactions(chargebackOrder)).Where(t => t.Type != TransactionType.Authorization),
            t => Assert.NotNull(t.SettlementId));
    }

    [Fact]
    public async Task An_unanswered_chargeback_expires_and_is_debited_with_its_fee()
    {
        var (orderId, id) = await f.FiledChargebackAsync(amount: 3_000);
        var details = await f.Chargebacks().GetAsync(id);
        f.Clock.Set(details.Chargeback.RespondByUtc);
        Assert.Equal(1, (await f.Job().RunAsync()).ChargebacksExpired);
        Assert.Equal(0, (await f.Job().RunAsync()).ChargebacksExpired);
        var chargeback = Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.Chargeback);
        Assert.Equal(3_000, chargeback.Amount);
        Assert.Equal(ChargebackFees.For("EUR"), chargeback.FixedFee);
        Assert.Equal(ChargebackStatus.Expired, (await f.Chargebacks().GetAsync(id)).Chargeback.Status);
    }
}
