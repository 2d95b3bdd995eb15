using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

public sealed record MemberRow(Guid MemberId, string UserId, string Email, string DisplayName, bool TwoFactorEnabled, PermissionGrant Grant, DateTime JoinedUtc);

public sealed record InvitationRow(Guid Id, string Email, PermissionGrant Grant, InvitationStatus Status, bool Expired, DateTime CreatedUtc, DateTime ExpiresUtc);

public sealed record MembersOverview(IReadOnlyList<MemberRow> Members, IReadOnlyList<InvitationRow> Invitations, bool RequireTwoFactor = false);

/// <summary>
/// Members and invitations of the current merchant (AC-02): an admin cannot grant what they do not hold, cannot change
/// or remove themselves, and the last admin stays. Every change renews the member's security stamp, so their other
/// sessions and open circuits end within the revalidation interval (SESS-03).
/// </summary>
public sealed class MemberService(
    IDbContextFactory<DashboardDbContext> contexts,
    IMerchantScope scope,
    ICurrentActor actor,
    AuditService audit,
    EmailOutbox outbox,
    TimeProvider clock,
    IActionThrottle? throttle = null)
{
    public async Task<MembersOverview> ListAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Users, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.MerchantMembers.AsNoTracking()
            .Where(m => m.MerchantId == scope.MerchantId)
            .Join(db.Users.AsNoTracking(), m => m.UserId, u => u.Id, (m, u) => new { m, u.Email, u.DisplayName, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Pending)
            .OrderByDescending(i => i.CreatedUtc)
            .ToListAsync(ct);
        return new MembersOverview(
            members.Select(x => new MemberRow(x.m.Id, x.m.UserId, x.Email ?? "", x.DisplayName, x.TwoFactorEnabled, PermissionGrant.Of(x.m), x.m.CreatedUtc))
                .OrderBy(r => r.Email, StringComparer.Ordinal).ToList(),
            invitations.Select(i => new InvitationRow(i.Id, i.Email, i.Grant, i.Status, !i.IsOpen(now), i.CreatedUtc, i.ExpiresUtc)).ToList(),
            await db.Merchants.AsNoTracking().Where(m => m.Id == scope.MerchantId).Select(m => m.RequireTwoFactor).FirstOrDefaultAsync(ct));
    }

    /// <summary>AUTH-04: an admin requires (or stops requiring) two-factor sign-in for every member of the merchant.
    /// Needs a fresh password; members without an authenticator are sent to enrolment before anything else.</summary>
    public async Task SetTwoFactorRequirementAsync(bool required, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor.Demand(Section.Users, PermissionLevel.Edit);
        if (!await db.MerchantMembers.AnyAsync(m => m.MerchantId == scope.MerchantId && m.UserId == actor.UserId && m.IsAdmin, ct))
            throw new ForbiddenException("admin only");
        ReauthenticationRequiredException.Demand(actor, clock.GetUtcNow().UtcDateTime);
        var merchant = await db.Merchants.FirstAsync(m => m.Id == scope.MerchantId, ct);
        if (merchant.RequireTwoFactor == required) return;
        merchant.SetTwoFactorRequirement(required);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditActions.TwoFactorRequirementChanged, "Merchant", merchant.Id.ToString(), $"before={!required}; after={required}", ct);
    }

    /// <summary>Invites <paramref name="email"/>; the mail (in <paramref name="culture"/>) links to <paramref name="portalBaseUri"/>.</summary>
    public async Task<Guid> InviteAsync(string email, PermissionGrant grant, string culture, string portalBaseUri, CancellationToken ct = default)
    {
        throttle?.Demand(ThrottledAction.Invitation, actor.UserId);
        email = email.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var me = await DemandManagerAsync(db, grant, before: null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = EmailAddressRule.Normalize(email);
        var alreadyMember = await db.MerchantMembers
            .Where(m => m.MerchantId == scope.MerchantId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail)
            .AnyAsync(e => e == normalized.ToUpperInvariant(), ct);
        if (alreadyMember) throw new DomainRuleException("Error.AlreadyMember", email);

        // One open invitation per address: a new one replaces the previous link.
        foreach (var old in await db.Invitations.Where(i => i.Email == normalized && i.Status == InvitationStatus.Pending).ToListAsync(ct))
            old.Revoke(now);
        var (invitation, token) = Invitation.Create(scope.MerchantId, email, grant, me.UserId, now, culture);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        await MailInvitationAsync(db, invitation, token, portalBaseUri, ct);
        await RecordAsync(AuditActions.UserInvited, nameof(Invitation), invitation.Id.ToString(), $"email={invitation.Email}; permissions={grant.Encode()}; language={invitation.Culture}", ct);
        return invitation.Id;
    }

    /// <summary>A new link, mailed again in the language chosen for the invitee.</summary>
    public async Task ResendAsync(Guid invitationId, string portalBaseUri, CancellationToken ct = default)
    {
        throttle?.Demand(ThrottledAction.Invitation, actor.UserId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct) ?? throw new NotFoundException(nameof(Invitation));
        await DemandManagerAsync(db, invitation.Grant, before: null, ct);
        var token = invitation.Renew(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await MailInvitationAsync(db, invitation, token, portalBaseUri, ct);
        await RecordAsync(AuditActions.InvitationResent, nameof(Invitation), invitation.Id.ToString(), $"email={invitation.Email}", ct);
    }

    public async Task RevokeAsync(Guid invitationId, CancellationToken ct = default)
    {
        actor.Demand(Section.Users, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct) ?? throw new NotFoundException(nameof(Invitation));
        invitation.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditActions.InvitationRevoked, nameof(Invitation), invitation.Id.ToString(), $"email={invitation.Email}", ct);
    }

    public async Task ChangePermissionsAsync(Guid memberId, PermissionGrant grant, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var target = await FindMemberAsync(db, memberId, ct);
        var before = PermissionGrant.Of(target);
        await DemandManagerAsync(db, grant, before, ct);
        await DemandNotSelfAsync(target);
        if (target.IsAdmin && !grant.IsAdmin) await DemandAnotherAdminAsync(db, target, ct);
        grant.ApplyTo(target);
        var user = await RenewSecurityStampAsync(db, target.UserId, ct);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(db, user, MailTemplatesKeys.PermissionsChanged, ct);
        await RecordAsync(AuditActions.PermissionsChanged, "Member", user.Email, $"before={before.Encode()}; after={grant.Encode()}", ct);
    }

    /// <summary>Ends the member's access at once: membership gone, sessions and circuits revalidated away.</summary>
    public async Task RemoveAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var target = await FindMemberAsync(db, memberId, ct);
        var before = PermissionGrant.Of(target);
        await DemandManagerAsync(db, PermissionGrant.Of(target), before: null, ct, allowSensitiveWithoutStepUp: true);
        await DemandNotSelfAsync(target);
        if (target.IsAdmin) await DemandAnotherAdminAsync(db, target, ct);
        db.MerchantMembers.Remove(target);
        var user = await RenewSecurityStampAsync(db, target.UserId, ct);
        if (user.SelectedMerchantId == scope.MerchantId) user.SelectedMerchantId = null;
        await db.SaveChangesAsync(ct);
        await NotifyAsync(db, user, MailTemplatesKeys.MemberRemoved, ct);
        await RecordAsync(AuditActions.MemberRemoved, "Member", user.Email, $"before={before.Encode()}", ct);
    }

    /// <summary>The actor needs Users:Edit and must hold at least every level they hand out; admin only from an admin.
    /// Raising a sensitive permission needs a password confirmed in the last five minutes.</summary>
    private async Task<MerchantMember> DemandManagerAsync(DashboardDbContext db, PermissionGrant grant, PermissionGrant? before,
        CancellationToken ct, bool allowSensitiveWithoutStepUp = false)
    {
        actor.Demand(Section.Users, PermissionLevel.Edit);
        var me = await db.MerchantMembers.AsNoTracking().FirstOrDefaultAsync(m => m.MerchantId == scope.MerchantId && m.UserId == actor.UserId, ct)
            ?? throw new ForbiddenException("not a member");
        if (grant.IsAdmin && !me.IsAdmin) throw new DomainRuleException("Error.CannotGrantMore");
        if (Enum.GetValues<Section>().Any(s => grant.LevelFor(s) > me.LevelFor(s))) throw new DomainRuleException("Error.CannotGrantMore");
        if (!allowSensitiveWithoutStepUp && grant.RaisesSensitive(before))
            ReauthenticationRequiredException.Demand(actor, clock.GetUtcNow().UtcDateTime);
        return me;
    }

    private Task DemandNotSelfAsync(MerchantMember target) =>
        target.UserId == actor.UserId ? throw new DomainRuleException("Error.CannotChangeSelf") : Task.CompletedTask;

    private async Task DemandAnotherAdminAsync(DashboardDbContext db, MerchantMember target, CancellationToken ct)
    {
        var admins = await db.MerchantMembers.CountAsync(m => m.MerchantId == scope.MerchantId && m.IsAdmin && m.Id != target.Id, ct);
        if (admins == 0) throw new DomainRuleException("Error.LastAdmin");
    }

    private async Task<MerchantMember> FindMemberAsync(DashboardDbContext db, Guid memberId, CancellationToken ct) =>
        await db.MerchantMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.MerchantId == scope.MerchantId, ct)
        ?? throw new NotFoundException("Member");

    private static async Task<DashboardUser> RenewSecurityStampAsync(DashboardDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        return user;
    }

    private async Task MailInvitationAsync(DashboardDbContext db, Invitation invitation, string token, string portalBaseUri, CancellationToken ct)
    {
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == scope.MerchantId, ct);
        var link = $"{portalBaseUri.TrimEnd('/')}/Account/AcceptInvitation?merchant={merchant.Id:N}&token={Uri.EscapeDataString(token)}";
        var expires = invitation.ExpiresUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(new MailRequest(invitation.Email, invitation.Email, invitation.Culture, MailTemplatesKeys.Invitation,
            [merchant.LegalName, actor.UserName ?? "", link, expires], merchant.Id), ct);
    }

    private async Task NotifyAsync(DashboardDbContext db, DashboardUser user, string template, CancellationToken ct)
    {
        if (user.Email is null) return;
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == scope.MerchantId, ct);
        await outbox.EnqueueAsync(new MailRequest(user.Email, user.DisplayName, user.PreferredCulture, template, [merchant.LegalName], merchant.Id), ct);
    }

    private Task RecordAsync(string action, string targetType, string? targetId, string details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, null, targetType, targetId, actor.IpAddress, details), ct);
}

/// <summary>Mail template keys the domain queues (their texts live in the web project's resources).</summary>
public static class MailTemplatesKeys
{
    public const string Invitation = "Invitation";
    public const string PermissionsChanged = "PermissionsChanged";
    public const string MemberRemoved = "MemberRemoved";
    public const string SecurityChange = "SecurityChange";
    public const string Test = "Test";
}
