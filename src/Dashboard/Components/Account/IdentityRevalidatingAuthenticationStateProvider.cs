using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Dashboard.Domain.Users;

namespace Dashboard.Components.Account;

// Revalidates the security stamp of the connected user every Dashboard:RevalidationSeconds (default 1 minute, SESS-03;
// the template's 30 minutes would let a removed member's open circuit live on).
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<Dashboard.Infrastructure.DashboardOptions> dashboard)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, dashboard.Value.RevalidationSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        try
        {
            // SESS-03: a session signed out from Login settings ends its open circuits too.
            var principal = authenticationState.User;
            if (Dashboard.Infrastructure.Security.SessionTracking.SessionId(principal) is { } sessionId
                && userManager.GetUserId(principal) is { } userId
                && !await scope.ServiceProvider.GetRequiredService<UserSessionService>().IsActiveAsync(userId, sessionId, null, cancellationToken))
                return false;
            return await ValidateSecurityStampAsync(userManager, principal);
        }
        catch (Exception e) when (Dashboard.Infrastructure.Data.DatabaseAvailability.IsUnavailable(e))
        {
            // REL-02: a locked or missing database is not a revoked session; the next interval checks again
            // (the base class would sign the user out on any exception).
            return true;
        }
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<DashboardUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
