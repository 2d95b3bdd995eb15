using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // VAL-03: only addresses on this site. An absolute URI of this site becomes relative; anything else
        // ("//evil", "/\evil", "https://evil") goes to the home page instead.
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            var baseUri = new Uri(navigationManager.BaseUri);
            uri = baseUri.IsBaseOf(absolute) ? "/" + navigationManager.ToBaseRelativePath(uri) : "/";
        }
        else if (uri.Length > 0 && !Dashboard.Infrastructure.Localization.CultureEndpoints.IsLocal(uri.StartsWith('/') ? uri : "/" + uri))
        {
            uri = "/";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    /// <summary>Redirects and shows a status on the next page. <paramref name="statusKey"/> is an AccountText key
    /// (Status.…), localized when displayed, so the cookie never carries text to render.</summary>
    public void RedirectToWithStatus(string uri, string statusKey, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, statusKey, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string statusKey, HttpContext context)
        => RedirectToWithStatus(CurrentPath, statusKey, context);

    public void RedirectToInvalidUser(HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", "Status.Error.InvalidUser", context);
}
