using System.Security.Claims;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Localization;
using Dashboard.Infrastructure.Security;
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
            [FromServices] UserSessionService sessions,
            [FromForm] string? returnUrl) =>
        {
            var userId = signInManager.UserManager.GetUserId(user);
            if (userId is not null && SessionTracking.SessionId(user) is { } sessionId) await sessions.EndAsync(userId, sessionId);
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
            [FromServices] UserSessionService sessions,
            [FromServices] Dashboard.Infrastructure.Email.SecurityNotices notices) =>
        {
            var user = await signInManager.UserManager.GetUserAsync(principal);
            if (user is null) return Results.LocalRedirect("/Account/Login");
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id);
            await signInManager.SignOutAsync();
            await audit.RecordAsync(new AuditRecord(AuditActions.SignedOutEverywhere, true, user.Id, user.Email,
                IpAddress: http.Connection.RemoteIpAddress?.ToString()));
            await notices.NotifyAsync(user, "Security.SignedOutEverywhere");
            return Results.LocalRedirect("/Account/Login");
        });

        // SESS-03: Login settings › Sessions signs out one browser; its cookie and open circuits end within the
        // revalidation interval. Only the user's own sessions can be ended.
        accountGroup.MapPost("/Sessions/End", async (
            ClaimsPrincipal principal,
            HttpContext http,
            [FromServices] SignInManager<DashboardUser> signInManager,
            [FromServices] AuditService audit,
            [FromServices] UserSessionService sessions,
            [FromForm] string? sessionId) =>
        {
            var userId = signInManager.UserManager.GetUserId(principal);
            if (userId is null) return Results.LocalRedirect("/Account/Login");
            if (string.IsNullOrEmpty(sessionId) || !await sessions.EndAsync(userId, sessionId)) return Results.NotFound();
            await audit.RecordAsync(new AuditRecord(AuditActions.SessionEnded, true, userId, principal.Identity?.Name,
                TargetType: "Session", TargetId: sessionId[..8], IpAddress: http.Connection.RemoteIpAddress?.ToString()));
            if (sessionId != SessionTracking.SessionId(principal)) return Results.LocalRedirect("/Account/Manage#sessions");
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/Account/Login");
        });

        return accountGroup;
    }
}
