using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Domain.Users;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

/// <summary>Posting the static-SSR account forms the way a browser does.</summary>
public static partial class AccountForms
{
    /// <summary>Loads <paramref name="url"/>, then posts the form named <paramref name="formName"/> back to it with
    /// the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await PostAsync(client, url, formName, token, fields);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formName, string token, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = formName,
        }));

    /// <summary>Turns on authenticator 2FA for the user, as the enrolment page would, and returns the base32 key.</summary>
    public static async Task<string> EnableTwoFactorAsync(DashboardFactory factory, DashboardUser user)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user.");
        Assert.True((await users.ResetAuthenticatorKeyAsync(stored)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(stored, true)).Succeeded);
        return await users.GetAuthenticatorKeyAsync(stored) ?? throw new InvalidOperationException("No authenticator key.");
    }

    /// <summary>The path and query of a redirect (the Location header may be absolute).</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal) && !c.StartsWith("__Host-Dashboard=;", StringComparison.Ordinal));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>The page's text, tags removed and entities decoded, for "the user reads X" assertions.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));
}
