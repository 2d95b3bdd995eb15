using System.Security.Claims;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the static-SSR Identity pages post to.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            HttpContext http,
            [FromServices] SignInManager<DashboardUser> signInManager,
            [FromServices] AuditService audit,
            [FromForm] string? returnUrl) =>
        {
            var userId = signInManager.UserManager.GetUserId(user);
            await signInManager.SignOutAsync();
            if (userId is not null)
            {
                await audit.RecordAsync(new AuditRecord(AuditActions.SignOut, true, userId, user.Identity?.Name,
                    IpAddress: http.Connection.RemoteIpAddress?.ToString()));
            }
            var target = "/" + (returnUrl ?? "").TrimStart('/');
            return TypedResults.LocalRedirect(CultureEndpoints.IsLocal(target) ? target : "/");
        });

        // SESS-03: a new security stamp ends every other session and open circuit within the revalidation interval.
        accountGroup.MapPost("/SignOutEverywhere", async (
            ClaimsPrincipal principal,
            HttpContext http,
            [FromServices] SignInManager<DashboardUser> signInManager,
            [FromServices] AuditService audit,
            [FromServices] Dashboard.Infrastructure.Email.SecurityNotices notices) =>
        {
            var user = await signInManager.UserManager.GetUserAsync(principal);
            if (user is null) return Results.LocalRedirect("/Account/Login");
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            await signInManager.SignOutAsync();
            await audit.RecordAsync(new AuditRecord(AuditActions.SignedOutEverywhere, true, user.Id, user.Email,
                IpAddress: http.Connection.RemoteIpAddress?.ToString()));
            await notices.NotifyAsync(user, "Security.SignedOutEverywhere");
            return Results.LocalRedirect("/Account/Login");
        });

        return accountGroup;
    }
}
