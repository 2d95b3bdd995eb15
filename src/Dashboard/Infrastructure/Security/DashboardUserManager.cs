using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Security;

/// <summary>Identity's UserManager that keeps the hashes of replaced passwords, so the password policy can refuse
/// the last four (AUTH-02) on every path that sets one: change, reset, invitation, admin reset.</summary>
public sealed class DashboardUserManager(
    IUserStore<DashboardUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<DashboardUser> passwordHasher,
    IEnumerable<IUserValidator<DashboardUser>> userValidators,
    IEnumerable<IPasswordValidator<DashboardUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<DashboardUser>> logger,
    TimeProvider clock)
    : UserManager<DashboardUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override Task<IdentityResult> UpdateUserAsync(DashboardUser user)
    {
        // The store's context still knows the hash the user had when it was loaded.
        // (The store's closed generic type differs between Identity versions; all EF stores expose Context.)
        var context = Store.GetType().GetProperty("Context")?.GetValue(Store) as DashboardDbContext
            ?? throw new InvalidOperationException("Password history needs the EF Core user store of DashboardDbContext.");
        var entry = context.Entry(user);
        var previous = entry.State == Microsoft.EntityFrameworkCore.EntityState.Detached ? null : entry.Property(u => u.PasswordHash).OriginalValue;
        if (previous is not null && previous != user.PasswordHash)
            context.PasswordHistory.Add(new PasswordHistoryEntry(user.Id, previous, clock.GetUtcNow().UtcDateTime));
        return base.UpdateUserAsync(user);
    }
}
