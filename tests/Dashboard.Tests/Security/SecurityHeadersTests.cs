using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Security;

/// <summary>SESS-06: every response carries the security headers and a strict CSP whose nonce is the one on the page's
/// only inline script (the import map). The browser side is ContentSecurityPolicyTests.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SecurityHeadersTests(DashboardFactory factory)
{
    [Fact]
    public async Task Anonymous_and_signed_in_pages_and_exports_carry_the_security_headers()
    {
        using var client = factory.CreateHttpsClient();
        var login = await client.GetAsync("/Account/Login");
        AssertHeaders(login);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(client, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password)).StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        AssertHeaders(home);

        var export = await client.GetAsync("/exports/transactions.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        AssertHeaders(export);
        Assert.True(export.Headers.CacheControl?.NoStore);

        // Development serves plain http://localhost: no HSTS there.
        Assert.False(home.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response_and_each_response_has_a_fresh_one()
    {
        using var client = factory.CreateHttpsClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync("/Account/Login");
            var nonce = NonceOf(Csp(response));
            var html = await response.Content.ReadAsStringAsync();
            var importMap = ImportMapTag().Match(html);
            Assert.True(importMap.Success, "The page has no import map.");
            Assert.Equal(nonce, importMap.Groups["nonce"].Value);
            // No other inline script may exist: the nonce admits only the import map.
            Assert.Single(InlineScript().Matches(html));
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(nonces[0]).Length >= 16);   // base64url: no character Razor would encode
    }

    [Fact]
    public async Task Outside_development_browsers_are_told_to_use_https_for_a_year_including_subdomains()
    {
        using var production = new ProductionFactory();
        using var client = production.CreateClient(new() { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        AssertHeaders(response);
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var csp = Csp(response);
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Matches("^'self' 'nonce-[A-Za-z0-9_-]+'$", directives["script-src"]);
        Assert.Equal("'none'", directives["script-src-attr"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"], StringComparison.Ordinal);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
        var permissions = Single(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
    }

    private static string Csp(HttpResponseMessage response) => Single(response, "Content-Security-Policy");

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues : []);

    private static string NonceOf(string csp) => NonceInPolicy().Match(csp).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script(?=[^>]*type=\"importmap\")[^>]*\\snonce=\"(?<nonce>[^\"]+)\"[^>]*>")]
    private static partial Regex ImportMapTag();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
