using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Infrastructure.Localization;

public static class CultureEndpoints
{
    /// <summary>GET /culture/set?culture=fr&amp;returnUrl=/reports: sets the culture cookie, remembers the choice on the
    /// signed-in user, and goes back (local URLs only).</summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext http, UserManager<DashboardUser> users) =>
        {
            if (!SupportedCultures.IsSupported(culture)) return Results.BadRequest();
            WriteCookie(http, culture!);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                user.PreferredCulture = culture!;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
    }

    public static void WriteCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });

    /// <summary>Only a path on this site: "/x" but not "//evil" or "/\evil" (VAL-03).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
