using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Tests.Performance;

namespace Dashboard.Domain.Tests.Claims;

public sealed class ClaimServiceTests : IDisposable
{
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task A_filed_claim_gets_the_deadline_of_the_merchants_rule_and_a_notice()
    {
        var (_, id) = await f.FiledClaimAsync();
        var details = await f.Claims(PermissionLevel.View).GetAsync(id);
        Assert.Equal(ClaimStatus.ActionRequired, details.Claim.Status);
        Assert.Equal(ResponseDeadlineFor(f.Clock.UtcNow), details.Claim.RespondByUtc);
        Assert.Empty(details.Actions); // View sees no actions
        using var db = f.Database.Create(MerchantScope.System);
        Assert.Single(db.PerformanceNotices.Where(n => n.RelatedId == id));
    }

    private static DateTime ResponseDeadlineFor(DateTime filedUtc) =>
        Dashboard.Domain.Performance.ResponseDeadline.CalendarDays(filedUtc, 7, "Europe/Paris");

    [Fact]
    public async Task A_partial_refund_goes_through_the_ledger_and_leaves_the_claim_to_the_provider()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000);
        await f.Claims().RefundAsync(id, 4_000, Guid.NewGuid());

        var claim = (await f.Claims().GetAsync(id)).Claim;
        Assert.Equal(ClaimStatus.PartiallyRefunded, claim.Status);
        Assert.Equal(4_000, claim.RefundedAmount);
        var order = f.Order(orderId);
        Assert.Equal(4_000, order.RefundedAmount);
        Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.Refund && t.Amount == 4_000);
    }

    [Fact]
    public async Task A_full_refund_closes_the_claim()
    {
        var (_, id) = await f.FiledClaimAsync(amount: 10_000, claimed: 10_000);
        await f.Claims().RefundAsync(id, 10_000, Guid.NewGuid());
        Assert.Equal(ClaimStatus.Refunded, (await f.Claims().GetAsync(id)).Claim.Status);
    }

    [Fact]
    public async Task A_refund_cannot_exceed_what_was_captured_minus_refunds()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000);
        await f.Ledger.Ledger.ApplyAsync(f.Ledger.Refund(orderId, 7_000, f.Clock.UtcNow));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().RefundAsync(id, 3_001, Guid.NewGuid()));
        Assert.Equal("Error.RefundExceedsCaptured", ex.MessageKey);
        Assert.Equal(ClaimStatus.ActionRequired, (await f.Claims().GetAsync(id)).Claim.Status);
    }

    [Fact]
    public async Task Responding_one_second_before_the_deadline_works_and_one_second_after_is_refused()
    {
        var (_, early) = await f.FiledClaimAsync();
        var (_, late) = await f.FiledClaimAsync();
        var deadline = (await f.Claims().GetAsync(early)).Claim.RespondByUtc;
        var response = new ClaimDraft("Delivered, signed for.", f.Clock.UtcNow.AddDays(-2), "La Poste", "6A12345678901");

        f.Clock.Set(deadline.AddSeconds(-1));
        await f.Claims().RepresentAsync(early, response, Guid.NewGuid());
        Assert.Equal(ClaimStatus.Represented, (await f.Claims().GetAsync(early)).Claim.Status);

        f.Clock.Set(deadline.AddSeconds(1));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().RepresentAsync(late, response, Guid.NewGuid()));
        Assert.Equal("Error.DeadlineExpired", ex.MessageKey);
    }

    [Fact]
    public async Task A_user_with_view_permission_cannot_respond()
    {
        var (orderId, id) = await f.FiledClaimAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Claims(PermissionLevel.View).RefundAsync(id, 1_000, Guid.NewGuid()));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Claims(PermissionLevel.View).SaveDraftAsync(id, new ClaimDraft("x", null, null, null), 0));
        Assert.Equal(0, f.Order(orderId).RefundedAmount);
    }

    [Fact]
    public async Task Another_merchants_claim_is_not_found()
    {
        var (_, id) = await f.FiledClaimAsync();
        var other = f.Database.AddMerchant(name: "Autre Boutique");
        var otherScope = new MerchantScope(other.Id, f.Ledger.Environment);
        await Assert.ThrowsAsync<NotFoundException>(() => f.Claims(scope: otherScope).GetAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => f.Claims(scope: otherScope).RefundAsync(id, 100, Guid.NewGuid()));
        // Same merchant, other environment: not found either.
        await Assert.ThrowsAsync<NotFoundException>(() => f.Claims(scope: new MerchantScope(f.Ledger.Merchant.Id, PaymentEnvironment.Sandbox)).GetAsync(id));
    }

    [Fact]
    public async Task The_same_submission_fired_twice_at_once_refunds_once()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000);
        var submission = Guid.NewGuid();
        await Task.WhenAll(f.Claims().RefundAsync(id, 2_500, submission), f.Claims().RefundAsync(id, 2_500, submission));
        await f.Claims().RefundAsync(id, 2_500, submission);
        Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.Refund);
        Assert.Equal(2_500, f.Order(orderId).RefundedAmount);
    }

    [Fact]
    public async Task Two_editors_of_one_draft_get_a_conflict_instead_of_an_overwrite()
    {
        var (_, id) = await f.FiledClaimAsync();
        var loaded = (await f.Claims().GetAsync(id)).Claim.Version;
        var v1 = await f.Claims().SaveDraftAsync(id, new ClaimDraft("First editor", null, null, null), loaded);
        Assert.Equal(loaded + 1, v1);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            f.Claims().SaveDraftAsync(id, new ClaimDraft("Second editor", null, null, null), loaded));
        Assert.Equal("lukas@example.test", ex.ChangedBy);
        Assert.Equal("First editor", (await f.Claims().GetAsync(id)).Claim.ResponseText);
    }

    [Fact]
    public async Task Canceling_the_unshipped_part_closes_the_authorization_and_refunds_what_was_charged_for_it()
    {
        var request = f.Ledger.Requested(10_000, f.Clock.UtcNow.AddDays(-2));
        await f.Ledger.Ledger.ApplyAsync([request, f.Ledger.Approved(request.OrderId, request.OccurredUtc.AddMinutes(1)),
            f.Ledger.Capture(request.OrderId, 6_000, request.OccurredUtc.AddMinutes(2))]);
        var claimId = Guid.NewGuid();
        await f.Ledger.Ledger.ApplyAsync(new GuaranteeClaimFiled(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(),
            f.Clock.UtcNow, request.OrderId, claimId, ClaimReason.NotReceived, 6_000, "Half of it never came."));

        await f.Claims().CancelUnshippedAsync(claimId, 1_000, "Item 2 was out of stock.", Guid.NewGuid());

        var order = f.Order(request.OrderId);
        Assert.Equal(AuthorizationStatus.Closed, order.AuthorizationStatus);
        Assert.Equal(1_000, order.RefundedAmount);
        Assert.Equal(ClaimStatus.UnshippedCanceled, (await f.Claims().GetAsync(claimId)).Claim.Status);
    }

    [Fact]
    public async Task A_granted_claim_debits_what_the_merchant_did_not_refund_and_opens_a_30_day_appeal()
    {
        var (orderId, id) = await f.FiledClaimAsync(amount: 10_000);
        await f.Claims().RefundAsync(id, 3_000, Guid.NewGuid());
        await f.Ledger.Ledger.ApplyAsync(new GuaranteeClaimDecided(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(),
            f.Clock.UtcNow.AddDays(1), id, ClaimStatus.Granted));

        var claim = (await f.Claims().GetAsync(id)).Claim;
        Assert.Equal(ClaimStatus.Granted, claim.Status);
        Assert.Equal(7_000, claim.DebitedAmount);
        Assert.Equal(f.Clock.UtcNow.AddDays(31), claim.AppealByUtc);
        Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.ClaimDebit && t.Amount == 7_000);
        Assert.Equal(0, f.Order(orderId).RemainingRefundable);
    }

    [Fact]
    public async Task The_queue_filters_by_deadline_and_sorts_needs_action_by_deadline()
    {
        var (_, first) = await f.FiledClaimAsync();
        f.Clock.Advance(TimeSpan.FromDays(2));
        var (_, second) = await f.FiledClaimAsync(reason: ClaimReason.NotAsDescribed);
        var page = await f.Claims(PermissionLevel.View).ListAsync(new ClaimFilter(NeedsActionOnly: true), 0, 10);
        Assert.Equal([first, second], page.Items.Select(r => r.Id));
        var soon = await f.Claims(PermissionLevel.View).ListAsync(new ClaimFilter(DueWithinDays: 6), 0, 10);
        Assert.Equal([first], soon.Items.Select(r => r.Id));
        var byReason = await f.Claims(PermissionLevel.View).ListAsync(new ClaimFilter(Reason: ClaimReason.NotAsDescribed), 0, 10);
        Assert.Equal([second], byReason.Items.Select(r => r.Id));
    }
}
