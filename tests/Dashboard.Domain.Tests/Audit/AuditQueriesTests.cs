using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Tests.Users;
using Dashboard.Domain.Users;
using static Dashboard.Domain.Tests.Users.UsersFixture;

namespace Dashboard.Domain.Tests.Audit;

public sealed class AuditQueriesTests : IDisposable
{
    private readonly UsersFixture _f = new();
    private readonly DashboardUser _member;
    private readonly DashboardUser _stranger;

    public AuditQueriesTests()
    {
        _member = _f.AddUser("member@shop.example");
        _f.AddMember(_member, PermissionGrant.Admin);
        _stranger = _f.AddUser("stranger@shop.example");
        _f.AddMember(_stranger, PermissionGrant.Admin, _f.Other);
        var audit = new AuditService(_f.Db.System, _f.Clock);
        audit.RecordAsync(new AuditRecord(AuditActions.SignIn, true, _member.Id, _member.Email, IpAddress: "198.51.100.1")).Wait();
        audit.RecordAsync(new AuditRecord(AuditActions.SignIn, true, _stranger.Id, _stranger.Email)).Wait();
        _f.Clock.Advance(TimeSpan.FromDays(2));
        audit.RecordAsync(new AuditRecord(AuditActions.UserInvited, true, _member.Id, _member.Email, _f.Merchant.Id)).Wait();
        audit.RecordAsync(new AuditRecord(AuditActions.UserInvited, true, _stranger.Id, _stranger.Email, _f.Other.Id)).Wait();
    }

    public void Dispose() => _f.Dispose();

    private AuditQueries QueriesAs(PermissionGrant grant)
    {
        var scope = new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Sandbox);
        return new AuditQueries(_f.Db.Factory(scope), scope, new FakeActor(_member.Id, _member.Email!, grant));
    }

    [Fact]
    public async Task The_log_shows_the_merchants_events_and_its_members_sign_ins_but_nothing_of_other_merchants()
    {
        var (rows, total) = await QueriesAs(PermissionGrant.Admin).PageAsync(new AuditFilter(), 0, 50);
        Assert.Equal(2, total);
        Assert.All(rows, r => Assert.Equal(_member.Id, r.ActorUserId));
        Assert.Equal(AuditActions.UserInvited, rows[0].Action); // newest first
    }

    [Fact]
    public async Task Filters_by_actor_action_and_time_window()
    {
        var q = QueriesAs(PermissionGrant.Admin);
        Assert.Equal(2, (await q.PageAsync(new AuditFilter(Actor: "MEMBER@"), 0, 50)).Total);
        Assert.Equal(0, (await q.PageAsync(new AuditFilter(Actor: "stranger"), 0, 50)).Total);
        Assert.Equal(0, (await q.PageAsync(new AuditFilter(Actor: "%"), 0, 50)).Total);
        Assert.Equal(AuditActions.SignIn, Assert.Single((await q.PageAsync(new AuditFilter(Action: AuditActions.SignIn), 0, 50)).Rows).Action);
        var window = new AuditFilter(FromUtc: Start.AddDays(1), ToUtc: Start.AddDays(3));
        Assert.Equal(AuditActions.UserInvited, Assert.Single((await q.PageAsync(window, 0, 50)).Rows).Action);
    }

    [Fact]
    public async Task The_action_filter_offers_every_action_in_the_merchants_log_but_not_other_merchants_own()
    {
        var audit = new AuditService(_f.Db.System, _f.Clock);
        await audit.RecordAsync(new AuditRecord("login-app.deleted", true, _member.Id, _member.Email, _f.Merchant.Id));
        await audit.RecordAsync(new AuditRecord("other-merchant.only", true, _stranger.Id, _stranger.Email, _f.Other.Id));

        var actions = await QueriesAs(PermissionGrant.Admin).ActionsAsync();
        Assert.Contains("login-app.deleted", actions);
        Assert.DoesNotContain("other-merchant.only", actions);
        Assert.Superset(AuditActions.All.ToHashSet(), actions.ToHashSet());
        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
        Assert.Equal(actions.Count, actions.Distinct().Count());
    }

    [Fact]
    public async Task Reading_the_log_needs_users_view()
    {
        var q = QueriesAs(Grant((Section.Claims, PermissionLevel.Edit)));
        await Assert.ThrowsAsync<ForbiddenException>(() => q.PageAsync(new AuditFilter(), 0, 50));
        await Assert.ThrowsAsync<ForbiddenException>(async () => { await foreach (var _ in q.StreamAsync(new AuditFilter())) { } });
    }
}
