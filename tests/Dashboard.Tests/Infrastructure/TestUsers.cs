using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

public static class TestUsers
{
    /// <summary>Creates a user who is a member of the French demo merchant with the given permissions.</summary>
    public static async Task<DashboardUser> CreateAsync(DashboardFactory factory, string email, string password,
        params (Section Section, PermissionLevel Level)[] permissions)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        await using var db = factory.SystemDb();
        var merchant = await db.Merchants.OrderBy(m => m.CreatedUtc).ThenBy(m => m.LegalName).FirstAsync(m => m.CountryCode == "FR");
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, SelectedMerchantId = merchant.Id, CreatedUtc = DateTime.UtcNow };
        // Arranged users skip the password policy (many test passwords echo the address); the policy's own tests
        // go through ChangePasswordAsync and the account pages.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var member = new MerchantMember(merchant.Id, user.Id, isAdmin: false, DateTime.UtcNow);
        foreach (var (section, level) in permissions) member.Grant(section, level);
        db.MerchantMembers.Add(member);
        await db.SaveChangesAsync();
        return user;
    }
}
