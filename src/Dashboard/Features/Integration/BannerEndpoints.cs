using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;

namespace Dashboard.Features.Integration;

/// <summary>
/// The pop-up banner, streamed from the data directory. Public on purpose: buyers' browsers load it from the merchant's
/// site without a portal session. Only the current hash answers, so the URL can be cached for a year — a new upload
/// is a new URL.
/// </summary>
public static class BannerEndpoints
{
    public static void MapBannerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/integration/banner/{merchantCode}/{environment}/{hash}.{ext}", async (string merchantCode, string environment, string hash,
                string ext, PublicBannerReader banners, HttpContext http, CancellationToken ct) =>
            {
                var env = environment switch
                {
                    "sandbox" => PaymentEnvironment.Sandbox,
                    "production" => PaymentEnvironment.Production,
                    _ => (PaymentEnvironment?)null,
                };
                if (env is null) return Results.NotFound();
                var banner = await banners.OpenAsync(merchantCode, env.Value, hash, ext, ct);
                if (banner is null) return Results.NotFound();
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(banner.Value.Content, banner.Value.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\""));
            })
            .AllowAnonymous();
    }
}
