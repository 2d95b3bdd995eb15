using System.Text.RegularExpressions;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Domain.Tests.Users.UsersFixture;

namespace Dashboard.Domain.Tests.Users;

public sealed partial class MemberServiceTests : IDisposable
{
    private readonly UsersFixture _f = new();
    private readonly DashboardUser _admin;
    private readonly FakeActor _adminActor;

    public MemberServiceTests()
    {
        _admin = _f.AddUser("admin@shop.example");
        _f.AddMember(_admin, PermissionGrant.Admin);
        _adminActor = _f.ActorFor(_admin, PermissionGrant.Admin);
        _adminActor.ReauthenticatedUtc = Start;
    }

    public void Dispose() => _f.Dispose();

    private static readonly PermissionGrant Clerk = Grant((Section.Claims, PermissionLevel.Edit), (Section.Payments, PermissionLevel.View));

    [Fact]
    public async Task An_invitee_who_accepts_becomes_a_member_with_exactly_the_invited_permissions()
    {
        var token = await InviteAsync("new@shop.example", Clerk);
        var invitee = _f.AddUser("new@shop.example");

        await _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, invitee.Id, "198.51.100.1");

        await using var db = _f.Db.Create(MerchantScope.System);
        var member = await db.MerchantMembers.SingleAsync(m => m.UserId == invitee.Id);
        Assert.Equal(_f.Merchant.Id, member.MerchantId);
        Assert.Equal(Clerk.Encode(), PermissionGrant.Of(member).Encode());
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.InvitationAccepted && e.ActorUserId == invitee.Id && e.Success));
    }

    [Fact]
    public async Task The_token_is_stored_only_as_a_hash_and_the_mail_carries_it()
    {
        var token = await InviteAsync("hash@shop.example", Clerk);
        Assert.True(Convert.FromBase64String(Base64(token)).Length >= 16); // at least 128 bits
        await using var db = _f.Db.Create(MerchantScope.System);
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash);
        Assert.DoesNotContain(await db.AuditEvents.Select(e => e.Details ?? "").ToListAsync(), d => d.Contains(token));
    }

    [Fact]
    public async Task An_invitation_cannot_be_used_twice()
    {
        var token = await InviteAsync("twice@shop.example", Clerk);
        var invitee = _f.AddUser("twice@shop.example");
        await _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, invitee.Id, null);
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, invitee.Id, null));
        Assert.Equal("Error.InvitationInvalid", e.MessageKey);
    }

    [Theory]
    [InlineData(71, true)]
    [InlineData(73, false)]
    public async Task An_invitation_expires_after_72_hours(int hours, bool accepted)
    {
        var token = await InviteAsync("late@shop.example", Clerk);
        var invitee = _f.AddUser("late@shop.example");
        _f.Clock.Advance(TimeSpan.FromHours(hours));
        var accept = () => _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, invitee.Id, null);
        if (accepted) await accept();
        else Assert.Equal("Error.InvitationInvalid", (await Assert.ThrowsAsync<DomainRuleException>(accept)).MessageKey);
    }

    [Fact]
    public async Task An_invitation_is_bound_to_its_email_address()
    {
        var token = await InviteAsync("bound@shop.example", Clerk);
        var someoneElse = _f.AddUser("other@shop.example");
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, someoneElse.Id, null));
        Assert.Equal("Error.InvitationOtherEmail", e.MessageKey);
        await using var db = _f.Db.Create(MerchantScope.System);
        Assert.False(await db.MerchantMembers.AnyAsync(m => m.UserId == someoneElse.Id));
    }

    [Fact]
    public async Task An_invitation_is_bound_to_its_merchant()
    {
        var token = await InviteAsync("merchant@shop.example", Clerk);
        var invitee = _f.AddUser("merchant@shop.example");
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Acceptance.AcceptAsync(_f.Other.Id, token, invitee.Id, null));
        Assert.Equal("Error.InvitationInvalid", e.MessageKey);
    }

    [Fact]
    public async Task A_revoked_invitation_and_the_old_link_of_a_resent_one_no_longer_work()
    {
        var revokedToken = await InviteAsync("revoked@shop.example", Clerk);
        var resentToken = await InviteAsync("resent@shop.example", Clerk);
        var overview = await _f.ServiceFor(_adminActor).ListAsync();
        await _f.ServiceFor(_adminActor).RevokeAsync(overview.Invitations.Single(i => i.Email == "revoked@shop.example").Id);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        await _f.ServiceFor(_adminActor).ResendAsync(overview.Invitations.Single(i => i.Email == "resent@shop.example").Id, "https://portal.example/");
        var newToken = LastToken("resent@shop.example");

        var revoked = _f.AddUser("revoked@shop.example");
        var resent = _f.AddUser("resent@shop.example");
        await Assert.ThrowsAsync<DomainRuleException>(() => _f.Acceptance.AcceptAsync(_f.Merchant.Id, revokedToken, revoked.Id, null));
        await Assert.ThrowsAsync<DomainRuleException>(() => _f.Acceptance.AcceptAsync(_f.Merchant.Id, resentToken, resent.Id, null));
        await _f.Acceptance.AcceptAsync(_f.Merchant.Id, newToken, resent.Id, null);
    }

    [Fact]
    public async Task An_existing_user_invited_to_a_second_merchant_gains_that_membership()
    {
        var existing = _f.AddUser("both@shop.example");
        _f.AddMember(existing, Grant((Section.Payments, PermissionLevel.Edit)), _f.Other);
        var token = await InviteAsync("Both@Shop.example", Clerk);
        await _f.Acceptance.AcceptAsync(_f.Merchant.Id, token, existing.Id, null);
        await using var db = _f.Db.Create(MerchantScope.System);
        Assert.Equal(2, await db.MerchantMembers.CountAsync(m => m.UserId == existing.Id));
    }

    [Fact]
    public async Task A_member_cannot_grant_more_than_they_hold()
    {
        var manager = _f.AddUser("manager@shop.example");
        var managerGrant = Grant((Section.Users, PermissionLevel.Edit), (Section.Claims, PermissionLevel.Edit));
        _f.AddMember(manager, managerGrant);
        var actor = _f.ActorFor(manager, managerGrant);
        actor.ReauthenticatedUtc = Start;
        var service = _f.ServiceFor(actor);

        foreach (var grant in new[] { Grant((Section.Payments, PermissionLevel.View)), PermissionGrant.Admin })
        {
            var e = await Assert.ThrowsAsync<DomainRuleException>(() => service.InviteAsync("x@shop.example", grant, "en", "https://p.example/"));
            Assert.Equal("Error.CannotGrantMore", e.MessageKey);
        }
        await service.InviteAsync("x@shop.example", Grant((Section.Claims, PermissionLevel.View)), "en", "https://p.example/");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(6, false)]
    public async Task Granting_a_sensitive_permission_needs_a_password_confirmed_within_five_minutes(int minutesAgo, bool allowed)
    {
        _adminActor.ReauthenticatedUtc = Start;
        _f.Clock.Advance(TimeSpan.FromMinutes(minutesAgo));
        var invite = () => _f.ServiceFor(_adminActor).InviteAsync("sensitive@shop.example", Grant((Section.Users, PermissionLevel.View)), "en", "https://p.example/");
        if (allowed) await invite();
        else await Assert.ThrowsAsync<ReauthenticationRequiredException>(invite);
        // A non-sensitive grant never asks.
        await _f.ServiceFor(_adminActor).InviteAsync("plain@shop.example", Clerk, "en", "https://p.example/");
    }

    [Fact]
    public async Task Nobody_changes_or_removes_themselves_so_the_last_admin_stays()
    {
        var me = (await _f.ServiceFor(_adminActor).ListAsync()).Members.Single();
        var change = await Assert.ThrowsAsync<DomainRuleException>(() => _f.ServiceFor(_adminActor).ChangePermissionsAsync(me.MemberId, Clerk));
        var remove = await Assert.ThrowsAsync<DomainRuleException>(() => _f.ServiceFor(_adminActor).RemoveAsync(me.MemberId));
        Assert.Equal("Error.CannotChangeSelf", change.MessageKey);
        Assert.Equal("Error.CannotChangeSelf", remove.MessageKey);
    }

    [Fact]
    public async Task Only_an_admin_demotes_or_removes_an_admin()
    {
        var second = _f.AddUser("second-admin@shop.example");
        var secondMember = _f.AddMember(second, PermissionGrant.Admin);
        var manager = _f.AddUser("manager2@shop.example");
        var managerGrant = Grant((Section.Users, PermissionLevel.Edit));
        _f.AddMember(manager, managerGrant);
        var managerActor = _f.ActorFor(manager, managerGrant);
        managerActor.ReauthenticatedUtc = Start;

        Assert.Equal("Error.CannotGrantMore", (await Assert.ThrowsAsync<DomainRuleException>(() => _f.ServiceFor(managerActor).RemoveAsync(secondMember.Id))).MessageKey);
        await _f.ServiceFor(_adminActor).ChangePermissionsAsync(secondMember.Id, Clerk);
        await _f.ServiceFor(_adminActor).RemoveAsync(secondMember.Id);
    }

    [Fact]
    public async Task Removing_a_member_ends_access_renews_the_security_stamp_and_is_audited()
    {
        var clerk = _f.AddUser("clerk@shop.example");
        var member = _f.AddMember(clerk, Clerk);

        await _f.ServiceFor(_adminActor).RemoveAsync(member.Id);

        await using var db = _f.Db.Create(MerchantScope.System);
        Assert.False(await db.MerchantMembers.AnyAsync(m => m.UserId == clerk.Id));
        var user = await db.Users.SingleAsync(u => u.Id == clerk.Id);
        Assert.NotEqual("stamp-0", user.SecurityStamp);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.MemberRemoved);
        Assert.Equal(_admin.Id, audit.ActorUserId);
        Assert.Equal("203.0.113.7", audit.IpAddress);
        Assert.Equal(_f.Merchant.Id, audit.MerchantId);
        Assert.Contains("Claims:Edit", audit.Details);
        Assert.True(await db.EmailMessages.AnyAsync(m => m.Recipient == "clerk@shop.example" && m.TemplateKey == MailTemplatesKeys.MemberRemoved));
    }

    [Fact]
    public async Task Changing_permissions_records_before_and_after_and_renews_the_stamp()
    {
        var clerk = _f.AddUser("change@shop.example");
        var member = _f.AddMember(clerk, Clerk);
        await _f.ServiceFor(_adminActor).ChangePermissionsAsync(member.Id, Grant((Section.Transactions, PermissionLevel.View)));
        await using var db = _f.Db.Create(MerchantScope.System);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.PermissionsChanged);
        Assert.Equal("before=Payments:View,Claims:Edit; after=Transactions:View", audit.Details);
        Assert.NotEqual("stamp-0", (await db.Users.SingleAsync(u => u.Id == clerk.Id)).SecurityStamp);
    }

    [Theory]
    [InlineData(PermissionLevel.None)]
    [InlineData(PermissionLevel.View)]
    public async Task Without_users_edit_every_change_is_forbidden(PermissionLevel level)
    {
        var someone = _f.AddUser($"level{level}@shop.example");
        var grant = Grant((Section.Users, level), (Section.Claims, PermissionLevel.Edit));
        _f.AddMember(someone, grant);
        var service = _f.ServiceFor(_f.ActorFor(someone, grant));
        var adminMember = (await _f.ServiceFor(_adminActor).ListAsync()).Members.Single(m => m.UserId == _admin.Id).MemberId;

        if (level == PermissionLevel.None) await Assert.ThrowsAsync<ForbiddenException>(() => service.ListAsync());
        else Assert.NotEmpty((await service.ListAsync()).Members);
        await Assert.ThrowsAsync<ForbiddenException>(() => service.InviteAsync("y@shop.example", Clerk, "en", "https://p.example/"));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.RevokeAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ChangePermissionsAsync(adminMember, Clerk));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.RemoveAsync(adminMember));
    }

    private async Task<string> InviteAsync(string email, PermissionGrant grant)
    {
        await _f.ServiceFor(_adminActor).InviteAsync(email, grant, "fr", "https://portal.example/");
        return LastToken(email);
    }

    [Fact]
    public async Task Only_an_admin_with_a_fresh_password_can_require_two_factor_and_members_without_it_must_enrol()
    {
        var manager = _f.AddUser("manager@shop.example");
        _f.AddMember(manager, Grant((Section.Users, PermissionLevel.Edit)));
        var managerActor = _f.ActorFor(manager, Grant((Section.Users, PermissionLevel.Edit)));
        managerActor.ReauthenticatedUtc = Start;
        var access = new UserAccessService(_f.Db.Factory(MerchantScope.System));

        await Assert.ThrowsAsync<ForbiddenException>(() => _f.ServiceFor(managerActor).SetTwoFactorRequirementAsync(true));
        _f.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => _f.ServiceFor(_adminActor).SetTwoFactorRequirementAsync(true));
        Assert.False(await access.MustEnrolTwoFactorAsync(manager.Id));

        _adminActor.ReauthenticatedUtc = _f.Clock.GetUtcNow().UtcDateTime;
        await _f.ServiceFor(_adminActor).SetTwoFactorRequirementAsync(true);

        Assert.True((await _f.ServiceFor(_adminActor).ListAsync()).RequireTwoFactor);
        Assert.True(await access.MustEnrolTwoFactorAsync(manager.Id));
        Assert.True((await access.LoadAsync(manager.Id))!.MustEnrolTwoFactor);
        await using (var db = _f.Db.Create(MerchantScope.System))
        {
            var user = await db.Users.FirstAsync(u => u.Id == manager.Id);
            user.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.TwoFactorRequirementChanged);
            Assert.Equal(("admin@shop.example", "before=False; after=True"), (audit.ActorName!, audit.Details!));
        }
        Assert.False(await access.MustEnrolTwoFactorAsync(manager.Id));
    }

    /// <summary>The token from the last queued invitation mail (the echo renderer puts the link in the body).</summary>
    private string LastToken(string email)
    {
        using var db = _f.Db.Create(MerchantScope.System);
        var mail = db.EmailMessages.AsEnumerable()
            .Where(m => m.Recipient.Equals(email, StringComparison.OrdinalIgnoreCase) && m.TemplateKey == MailTemplatesKeys.Invitation)
            .OrderBy(m => m.CreatedUtc).Last();
        return Uri.UnescapeDataString(TokenPattern().Match(mail.Body!).Groups[1].Value);
    }

    private static string Base64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }

    [GeneratedRegex("token=([^|&\\s]+)")]
    private static partial Regex TokenPattern();
}
