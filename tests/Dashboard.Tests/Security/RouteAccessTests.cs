using System.Net;
using System.Reflection;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Security;

/// <summary>AC-01: deny by default — no page ships without declaring who may see it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RouteAccessTests(DashboardFactory factory)
{
    // The only pages a visitor may see before signing in.
    private static readonly HashSet<string> AnonymousAllowlist =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Lockout",
        "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation", "/Account/ResetPassword",
        "/Account/ResetPasswordConfirmation", "/Account/InvalidPasswordReset", "/Account/InvalidUser",
        "/Account/AccessDenied", "/Account/ConfirmEmailChange", "/Account/SessionLocked", "/Account/AcceptInvitation", "/not-found", "/Error",
    ];

    public static IEnumerable<(Type Page, string Route)> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    [Fact]
    public void Every_routable_component_declares_its_access()
    {
        var undeclared = new List<string>();
        foreach (var (page, route) in Routes())
        {
            var authorize = page.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().Any();
            var anonymous = page.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();
            if (anonymous && !AnonymousAllowlist.Contains(route)) undeclared.Add($"{route} ({page.Name}) is anonymous but not allowlisted");
            if (!anonymous && !authorize) undeclared.Add($"{route} ({page.Name}) has neither [Authorize]/[SectionAccess] nor [AllowAnonymous]");
        }
        Assert.True(Routes().Count() > 20, "route discovery found too few pages");
        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Every_protected_route_sends_an_anonymous_visitor_to_sign_in()
    {
        using var client = factory.CreateHttpsClient();
        var failures = new List<string>();
        foreach (var (_, template) in Routes().Where(r => !AnonymousAllowlist.Contains(r.Route)))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", Guid.NewGuid().ToString());
            var response = await client.GetAsync(path);
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/Account/Login", StringComparison.Ordinal))
                failures.Add($"{path}: {(int)response.StatusCode} {location}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
