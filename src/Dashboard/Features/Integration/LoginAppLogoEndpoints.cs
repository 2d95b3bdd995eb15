using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Infrastructure.Security;

namespace Dashboard.Features.Integration;

/// <summary>
/// A login app's logo, streamed from the data directory to signed-in users of the app's view. The hash in the path
/// is the cache buster: a new upload is a new URL, so the browser may keep this one for a year.
/// </summary>
public static class LoginAppLogoEndpoints
{
    public static void MapLoginAppLogoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/integration/login-apps/{id:guid}/logo/{hash}.{ext}", async (Guid id, string hash, string ext, LoginAppLogoReader logos,
                HttpContext http, CancellationToken ct) =>
            {
                var logo = await logos.OpenLogoAsync(id, hash, ext, ct);
                if (logo is null) return Results.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(logo.Value.Content, logo.Value.ContentType);
            })
            .RequireAuthorization(Policies.ForSection(Section.Integration, PermissionLevel.View));
    }
}
