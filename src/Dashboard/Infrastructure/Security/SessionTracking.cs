using System.Security.Claims;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// SESS-03: every sign-in cookie carries the id of a <see cref="UserSession"/> row. Signing in starts one (a cookie
/// renewal for the same user keeps it), each request checks it still exists and touches it at most once a minute,
/// and a cookie whose session was ended is signed out. Open circuits are checked by the revalidating
/// authentication state provider.
/// </summary>
public static class SessionTracking
{
    public static string? SessionId(ClaimsPrincipal principal) => principal.FindFirstValue(UserSession.ClaimType);

    public static void Apply(CookieAuthenticationOptions options)
    {
        var signingIn = options.Events.OnSigningIn;
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            if (context.Principal?.Identity is not ClaimsIdentity identity || SessionId(context.Principal) is not null) return;
            var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null) return;
            var http = context.HttpContext;
            // RefreshSignInAsync (after enrolling 2FA, changing the password…) re-issues the cookie of the same browser.
            var sessionId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? SessionId(http.User) : null;
            sessionId ??= await http.RequestServices.GetRequiredService<UserSessionService>()
                .StartAsync(userId, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
            identity.AddClaim(new Claim(UserSession.ClaimType, sessionId));
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal is { } principal && SessionId(principal) is { } sessionId
                && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                var http = context.HttpContext;
                if (!await http.RequestServices.GetRequiredService<UserSessionService>()
                        .IsActiveAsync(userId, sessionId, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted))
                {
                    context.RejectPrincipal();
                    await http.SignOutAsync(context.Scheme.Name);
                    return;
                }
            }
            await validate(context);
        };
    }

    /// <summary>Identity's security-stamp validator rebuilds the principal from the user: keep the session id.</summary>
    public static void KeepSessionOnRefresh(SecurityStampValidatorOptions options) =>
        options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && SessionId(current) is { } sessionId
                && context.NewPrincipal?.Identity is ClaimsIdentity identity && SessionId(context.NewPrincipal) is null)
                identity.AddClaim(new Claim(UserSession.ClaimType, sessionId));
            return Task.CompletedTask;
        };
}
