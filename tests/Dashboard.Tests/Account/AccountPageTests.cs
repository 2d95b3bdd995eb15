using System.Reflection;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed class AccountPageTests(DashboardFactory factory)
{
    [Fact]
    public void Every_account_page_declares_whether_it_needs_a_signed_in_user()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Dashboard.Components.Account", StringComparison.Ordinal) == true
                && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();
        Assert.NotEmpty(pages);
        var undeclared = pages.Where(t => !t.IsDefined(typeof(IAuthorizeData), true) && !t.IsDefined(typeof(IAllowAnonymous), true));
        Assert.Empty(undeclared.Select(t => t.FullName));
        Assert.All(pages.Where(t => t.Namespace!.EndsWith(".Manage", StringComparison.Ordinal)),
            t => Assert.False(t.IsDefined(typeof(IAllowAnonymous), true), t.FullName));
    }

    [Fact]
    public async Task The_sign_in_page_is_French_with_the_French_culture_cookie()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=fr|uic=fr");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<h1 class=\"account-title\">Connexion</h1>", html);
        Assert.Contains("Mot de passe", html);
    }

    [Theory]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/Lockout")]
    [InlineData("/Account/AccessDenied")]
    [InlineData("/Account/ForgotPasswordConfirmation")]
    [InlineData("/Account/ResetPasswordConfirmation")]
    [InlineData("/Account/InvalidPasswordReset")]
    [InlineData("/Account/InvalidUser")]
    public async Task Anonymous_account_pages_render_without_bootstrap_classes(string url)
    {
        using var client = factory.CreateHttpsClient();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"account-title\"", html);
        Assert.DoesNotMatch("class=\"[^\"]*\\b(btn|form-control|form-floating|col-md-\\d|alert-danger)\\b", html);
    }
}
