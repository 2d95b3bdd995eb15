using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <summary>One membership as the header's view switcher shows it.</summary>
public sealed record MembershipView(Merchant Merchant, MerchantMember Member);

/// <summary>What a user may see: all memberships, the one currently selected and its environment.</summary>
public sealed record UserAccess(
    string UserId,
    string DisplayName,
    string Email,
    string TimeZoneId,
    IReadOnlyList<MembershipView> Memberships,
    MembershipView? Current,
    PaymentEnvironment Environment,
    bool TwoFactorEnabled = false)
{
    /// <summary>AUTH-04: one of the user's merchants requires two-factor sign-in and the user has not enrolled yet.</summary>
    public bool MustEnrolTwoFactor => !TwoFactorEnabled && Memberships.Any(m => m.Merchant.RequireTwoFactor);
}

public sealed class UserAccessService(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<UserAccess?> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var memberships = await db.MerchantMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Merchants.AsNoTracking(), m => m.MerchantId, m => m.Id, (member, merchant) => new { member, merchant })
            .ToListAsync(ct);
        var views = memberships
            .Select(x => new MembershipView(x.merchant, x.member))
            .OrderBy(v => v.Merchant.LegalName, StringComparer.Ordinal)
            .ToList();
        var current = views.FirstOrDefault(v => v.Merchant.Id == user.SelectedMerchantId) ?? views.FirstOrDefault();
        return new UserAccess(user.Id, user.DisplayName, user.Email ?? "", user.TimeZoneId, views, current, user.SelectedEnvironment, user.TwoFactorEnabled);
    }

    /// <summary>AUTH-04: true when the user has no authenticator yet and a merchant they belong to requires one.</summary>
    public async Task<bool> MustEnrolTwoFactorAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.TwoFactorEnabled)
            .AnyAsync(u => db.MerchantMembers.Any(m => m.UserId == u.Id && db.Merchants.Any(x => x.Id == m.MerchantId && x.RequireTwoFactor)), ct);
    }

    /// <summary>Switches the user's view; refuses a merchant the user is not a member of.</summary>
    public async Task SelectViewAsync(string userId, Guid merchantId, PaymentEnvironment environment, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var isMember = await db.MerchantMembers.AnyAsync(m => m.UserId == userId && m.MerchantId == merchantId, ct);
        if (!isMember) throw new NotFoundException("Merchant");
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        user.SelectedMerchantId = merchantId;
        user.SelectedEnvironment = environment;
        await db.SaveChangesAsync(ct);
    }
}
