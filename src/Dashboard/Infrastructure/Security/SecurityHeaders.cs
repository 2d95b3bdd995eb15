using System.Security.Cryptography;

namespace Dashboard.Infrastructure.Security;

/// <summary>SESS-06: the response headers every page, file and endpoint carries, with a strict Content Security
/// Policy that Blazor Interactive Server and Radzen work under (proved by ContentSecurityPolicyTests in a browser).</summary>
public static class SecurityHeaders
{
    private const string NonceItem = ".dashboard.cspNonce";

    /// <summary>The per-request nonce for the few inline elements the page has (the import map). App.razor reads it.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items.TryGetValue(NonceItem, out var existing) && existing is string nonce) return nonce;
        // base64url: valid in CSP's nonce grammar and free of '+' and '/', which Razor would HTML-encode in the
        // attribute (harmless for a browser, but the header and the markup then differ byte for byte).
        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    /// <summary>The policy for one response.
    /// <list type="bullet">
    /// <item>script-src: our own files, plus the per-request nonce for the inline import map. No 'unsafe-eval' and no
    /// 'wasm-unsafe-eval': blazor.web.js and Radzen.Blazor.js call neither eval nor new Function, and nothing here runs
    /// WebAssembly. No 'unsafe-inline' for script elements.</item>
    /// <item>script-src-attr 'none': no inline event-handler attributes (onclick="…") run at all. Radzen 12 writes a
    /// few (the popup of a date picker or split button in its "Initial" popup mode); the portal's pages use Radzen
    /// components whose handlers are wired by Blazor instead, which the browser test checks page by page.</item>
    /// <item>style-src 'unsafe-inline': Blazor renders style attributes with setAttribute and Radzen positions popups,
    /// columns, charts and progress rings with inline style attributes and style elements. Styles cannot run code;
    /// the remaining risk (CSS-based data exfiltration) needs an injection point, which VAL-01 closes.</item>
    /// <item>connect-src 'self': CSP 3 lets 'self' match ws:/wss: on the page's own host and port, which is exactly the
    /// Blazor hub's WebSocket; nothing else is contacted.</item>
    /// <item>img-src data:: the authenticator QR code is a data: PNG.</item>
    /// </list></summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "script-src-attr 'none'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "object-src 'none'";

    /// <summary>Powerful browser features the portal never uses are switched off for it and anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
