using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Tests.Performance;

public sealed class PerformanceSettingsServiceTests : IDisposable
{
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    private PerformanceSettingsService Service(PermissionLevel level = PermissionLevel.Edit) =>
        new(f.Database.Factory(f.Scope), new FakeActor(level), new AuditService(f.Database.System, f.Clock));

    [Fact]
    public async Task A_merchant_that_never_changed_them_sees_the_defaults()
    {
        var rules = await Service(PermissionLevel.View).GetAsync();
        Assert.Equal((7, 7, 11, "Europe/Paris", false), (rules.ClaimResponseDays, rules.ChargebackResponseDays, rules.ChargebackEvidenceDays, rules.TimeZoneId, rules.CanEdit));
    }

    [Fact]
    public async Task New_claims_use_the_changed_rule_old_ones_keep_theirs_and_the_change_is_audited()
    {
        var (_, before) = await f.FiledClaimAsync();
        var oldDeadline = (await f.Claims().GetAsync(before)).Claim.RespondByUtc;

        await Service().SaveAsync(3, 5, 9);

        var (_, after) = await f.FiledClaimAsync();
        Assert.Equal(ResponseDeadline.CalendarDays(f.Clock.UtcNow, 3, "Europe/Paris"), (await f.Claims().GetAsync(after)).Claim.RespondByUtc);
        Assert.Equal(oldDeadline, (await f.Claims().GetAsync(before)).Claim.RespondByUtc);
        var (_, chargeback) = await f.FiledChargebackAsync();
        var c = (await f.Chargebacks().GetAsync(chargeback)).Chargeback;
        Assert.Equal(ResponseDeadline.CalendarDays(f.Clock.UtcNow, 5, "Europe/Paris"), c.RespondByUtc);
        Assert.Equal(ResponseDeadline.CalendarDays(f.Clock.UtcNow, 9, "Europe/Paris"), c.EvidenceDueUtc);

        using var db = f.Database.Create(MerchantScope.System);
        var audit = Assert.Single(db.AuditEvents.Where(e => e.Action == AuditActions.PerformanceDeadlinesChanged));
        Assert.Equal("before=claim=7d chargeback=7d evidence=11d tz=Europe/Paris; after=claim=3d chargeback=5d evidence=9d tz=Europe/Paris", audit.Details);

        await Service().SaveAsync(4, 5, 9);   // a second change updates the same row
        Assert.Equal(4, (await Service().GetAsync()).ClaimResponseDays);
    }

    [Theory]
    [InlineData(0, 7, 11)]
    [InlineData(7, 31, 11)]
    [InlineData(7, 7, -1)]
    public async Task Windows_outside_1_to_30_days_are_refused(int claim, int chargeback, int evidence)
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().SaveAsync(claim, chargeback, evidence));
        Assert.Equal("Error.ResponseDaysOutOfRange", ex.MessageKey);
        Assert.Equal(7, (await Service().GetAsync()).ClaimResponseDays);
    }

    [Fact]
    public async Task View_can_read_but_not_change_them()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Service(PermissionLevel.View).SaveAsync(3, 3, 3));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service(PermissionLevel.None).GetAsync());
    }
}
