using System.Security.Claims;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-04: when a merchant requires two-factor sign-in, a member without an authenticator reaches nothing but the
/// enrolment page (and sign-out). Requests are redirected here; open circuits by <c>TwoFactorGate</c> in the layout.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string EnrolmentPath = "/Account/Manage/EnableAuthenticator";

    // The enrolment page itself, the ways out and the circuit hub (the gate component guards circuits).
    private static readonly string[] Allowed = [EnrolmentPath, "/Account/Logout", "/Account/SessionLocked", "/_blazor"];

    public static bool IsAllowed(string path) =>
        Allowed.Any(a => path.StartsWith(a, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Anonymous endpoints (static files, sign-in, culture switch) need no second factor to exist.
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && !IsAllowed(context.Request.Path.Value ?? "")
            && await context.RequestServices.GetRequiredService<UserAccessService>().MustEnrolTwoFactorAsync(userId, context.RequestAborted))
        {
            context.Response.Redirect(EnrolmentPath);
            return;
        }
        await next();
    });
}
