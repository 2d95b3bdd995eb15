using System.Net;
using Dashboard.Domain.Audit;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed class LoginTests(DashboardFactory factory)
{
    [Fact]
    public async Task A_demo_user_signs_in_and_reaches_the_home_page()
    {
        using var client = factory.CreateHttpsClient();
        var response = await Forms.SignInAsync(client, DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains(DemoDataSeeder.Accountant.DisplayName, html);
    }

    [Fact]
    public async Task The_auth_cookie_has_the_host_prefix_and_secure_flags()
    {
        using var client = factory.CreateHttpsClient();
        var response = await Forms.SignInAsync(client, DemoDataSeeder.Staff.Email, DemoDataSeeder.Staff.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        using var client = factory.CreateHttpsClient();
        var wrong = await (await Forms.SignInAsync(client, DemoDataSeeder.Staff.Email, "not-the-password-1")).Content.ReadAsStringAsync();
        var unknown = await (await Forms.SignInAsync(client, "nobody@demo.example", "not-the-password-1")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", wrong);
        Assert.Equal(Strip(wrong), Strip(unknown));

        // Tokens (antiforgery, component markers, the CSP nonce) differ per response; everything a person reads must not.
        static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"|nonce=\"[^\"]*\"|[A-Za-z0-9_\\-+/=]{40,}", "");
    }

    [Theory]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example/phish", "/")]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("/reports/payments", "/reports/payments")]
    public async Task After_sign_in_only_local_return_addresses_are_followed(string returnUrl, string expected)
    {
        using var client = factory.CreateHttpsClient();
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.Email"] = DemoDataSeeder.Accountant.Email,
            ["Input.Password"] = DemoDataSeeder.Accountant.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
        Assert.Equal("localhost", target.Host);
        Assert.Equal(expected, target.AbsolutePath);
    }

    [Fact]
    public async Task A_login_post_without_antiforgery_token_is_rejected()
    {
        using var client = factory.CreateHttpsClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoDataSeeder.Staff.Email,
            ["Input.Password"] = DemoDataSeeder.Staff.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ten_failures_lock_the_account_for_thirty_minutes_and_are_audited()
    {
        var email = "lockout@demo.example";
        await TestUsers.CreateAsync(factory, email, "Lockout-Test-2026");
        using var client = factory.CreateHttpsClient();
        for (var i = 0; i < 10; i++) await Forms.SignInAsync(client, email, "wrong-password-" + i);

        var afterLock = await Forms.SignInAsync(client, email, "Lockout-Test-2026");
        Assert.Equal(HttpStatusCode.OK, afterLock.StatusCode); // the form again, with the generic message
        Assert.Contains("data-testid=\"login-error\"", await afterLock.Content.ReadAsStringAsync());

        await using var db = factory.SystemDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.LockoutEnd >= DateTimeOffset.UtcNow.AddMinutes(29));
        Assert.True(await db.AuditEvents.CountAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.SignInFailed) >= 9);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.LockedOut));
    }
}
