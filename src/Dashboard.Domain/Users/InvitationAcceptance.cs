using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

public sealed record InvitationPreview(string Email, string MerchantName, bool UserExists, string Culture = "en");

/// <summary>
/// The invitee's side. The invitee has no membership yet, so this runs on a context that sees every merchant
/// (the web layer passes the system factory); the token itself is the authorization, bound to merchant and e-mail.
/// </summary>
public sealed class InvitationAcceptance(IDbContextFactory<DashboardDbContext> systemContexts, AuditService audit, TimeProvider clock)
{
    /// <summary>Unknown, used, revoked, expired or for another merchant: all look the same to the visitor.</summary>
    public async Task<InvitationPreview> PreviewAsync(Guid merchantId, string token, CancellationToken ct = default)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        var invitation = await FindOpenAsync(db, merchantId, token, clock.GetUtcNow().UtcDateTime, ct);
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == invitation.MerchantId, ct);
        var exists = await db.Users.AnyAsync(u => u.NormalizedEmail == invitation.Email.ToUpperInvariant(), ct);
        return new InvitationPreview(invitation.Email, merchant.LegalName, exists, invitation.Culture);
    }

    /// <summary>Makes <paramref name="userId"/> a member with exactly the invited permissions; the token is spent.</summary>
    public async Task AcceptAsync(Guid merchantId, string token, string userId, string? ipAddress, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("User");
        Invitation invitation;
        try
        {
            invitation = await FindOpenAsync(db, merchantId, token, now, ct);
            invitation.Accept(token, user.Id, user.Email ?? "", now);
        }
        catch (DomainRuleException e)
        {
            await audit.RecordAsync(new AuditRecord(AuditActions.InvitationRejected, false, user.Id, user.Email, merchantId, IpAddress: ipAddress, Details: e.MessageKey), ct);
            throw;
        }
        if (await db.MerchantMembers.AnyAsync(m => m.MerchantId == invitation.MerchantId && m.UserId == user.Id, ct))
            throw new DomainRuleException("Error.AlreadyMember", user.Email ?? "");
        var member = new MerchantMember(invitation.MerchantId, user.Id, isAdmin: false, now);
        invitation.Grant.ApplyTo(member);
        db.MerchantMembers.Add(member);
        user.SelectedMerchantId = invitation.MerchantId;
        user.EmailConfirmed = true; // the link reached this address
        // Two concurrent redemptions: the unique (MerchantId, UserId) index lets only one membership in.
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord(AuditActions.InvitationAccepted, true, user.Id, user.Email, invitation.MerchantId,
            TargetType: nameof(Invitation), TargetId: invitation.Id.ToString(), IpAddress: ipAddress, Details: $"permissions={invitation.Permissions}"), ct);
    }

    private static async Task<Invitation> FindOpenAsync(DashboardDbContext db, Guid merchantId, string token, DateTime nowUtc, CancellationToken ct)
    {
        var hash = Invitation.Hash(token ?? "");
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.MerchantId != merchantId || !invitation.IsOpen(nowUtc))
            throw new DomainRuleException("Error.InvitationInvalid");
        return invitation;
    }
}
