namespace Dashboard.Infrastructure.Security;

/// <summary>SESS-05: the Blazor hub (<c>/_blazor</c>: negotiate, the WebSocket upgrade, disconnect beacons) answers only
/// pages of the portal itself. A browser always sends <c>Origin</c> on these requests, so a page on another site that
/// tries to open a circuit with the user's cookies is refused with 403 (WebSockets are not covered by the same-origin
/// policy, and "by default all origins are allowed"). Requests without an Origin header come from programs, not from
/// a browser page, and carry no ambient cookies of a victim; they pass. The hub also speaks WebSockets only, so no
/// long-polling or server-sent-events fallback exists to bypass the check.</summary>
public static class BlazorHubGuard
{
    public const string HubPath = "/_blazor";

    /// <summary>Origins (scheme://host[:port]) accepted besides the request's own, e.g. the public address when a
    /// reverse proxy rewrites the Host header. Configured as Dashboard:AllowedOrigins.</summary>
    public static bool IsAllowed(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri)) return false;
        var own = $"{request.Scheme}://{request.Host.Value}";
        if (Uri.TryCreate(own, UriKind.Absolute, out var ownUri) && SameOrigin(originUri, ownUri)) return true;
        return allowedOrigins.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed) && SameOrigin(originUri, allowed));
    }

    /// <summary>WebSocket upgrade (HTTP/1.1) or extended CONNECT (HTTP/2). Checked from the request itself: the
    /// WebSockets middleware that would set <c>HttpContext.WebSockets</c> only runs inside the hub's endpoint.</summary>
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest
        || string.Equals(context.Request.Headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
            && string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    public static IApplicationBuilder UseBlazorHubGuard(this IApplicationBuilder app, IReadOnlyCollection<string> allowedOrigins) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments(HubPath, out var rest))
            {
                // The connection itself (not negotiate, disconnect or initializers) must be a WebSocket.
                if (!IsAllowed(context.Request, allowedOrigins) || (!rest.HasValue && !IsWebSocketUpgrade(context)))
                {
                    // A bare 403: no "not found" page re-executed in its place (that would answer a POST with 400).
                    context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }
            await next();
        });
}
