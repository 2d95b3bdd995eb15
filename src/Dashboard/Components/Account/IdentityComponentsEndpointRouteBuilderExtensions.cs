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

        return accountGroup;
    }
}
