using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;

namespace Dashboard.Domain.Tests.Integration;

public sealed class IpnUrlValidatorTests
{
    [Theory]
    [InlineData("https://shop.example/ipn", "https://shop.example/ipn")]
    [InlineData("HTTPS://Shop.Example/ipn?x=1", "https://shop.example/ipn?x=1")]
    [InlineData("https://bücher.example/ipn", "https://xn--bcher-kva.example/ipn")]
    [InlineData("https://shop.example:443/ipn", "https://shop.example/ipn")]
    [InlineData("https://shop.example:8443/ipn", "https://shop.example:8443/ipn")]
    public void Good_urls_are_accepted_and_normalised(string input, string expected) =>
        Assert.Equal(expected, IpnUrlValidator.Normalize(input, PaymentEnvironment.Production, [443, 8443]));

    [Theory]
    [InlineData("http://merchant.example/ipn", "Error.UrlHttpsOnly")]
    [InlineData("https://127.0.0.1/", "Error.UrlIpLiteral")]
    [InlineData("https://[::1]/", "Error.UrlIpLiteral")]
    [InlineData("http://[::ffff:127.0.0.1]/", "Error.UrlIpLiteral")]
    [InlineData("https://2130706433/", "Error.UrlIpLiteral")]
    [InlineData("http://0x7f000001/", "Error.UrlIpLiteral")]
    [InlineData("https://0x7f.1/", "Error.UrlIpLiteral")]
    [InlineData("https://0177.0.0.1/", "Error.UrlIpLiteral")]
    [InlineData("https://169.254.169.254/latest/meta-data", "Error.UrlIpLiteral")]
    [InlineData("https://user:pw@merchant.example/", "Error.UrlUserInfo")]
    [InlineData("https://merchant.example@evil.example/", "Error.UrlUserInfo")]
    [InlineData("https://merchant.example:22/", "Error.UrlPort")]
    [InlineData("file:///etc/passwd", "Error.UrlHttpsOnly")]
    [InlineData("ftp://shop.example/ipn", "Error.UrlHttpsOnly")]
    [InlineData("javascript:alert(1)", "Error.UrlInvalid")]
    [InlineData("/relative/ipn", "Error.UrlInvalid")]
    [InlineData("", "Error.UrlRequired")]
    [InlineData("https://intranet/ipn", "Error.UrlIpLiteral")]
    [InlineData("https://shop.example/ipn#frag", "Error.UrlInvalid")]
    [InlineData("http://localhost:5000/ipn", "Error.UrlLocalhostSandboxOnly")]
    [InlineData("https://shop .example/ipn", "Error.UrlInvalid")]
    public void Bad_urls_are_refused_in_production(string input, string expectedKey)
    {
        Assert.False(IpnUrlValidator.TryNormalize(input, PaymentEnvironment.Production, out _, out var key, [443, 8443]));
        Assert.Equal(expectedKey, key);
    }

    [Fact]
    public void Plain_http_is_allowed_for_localhost_in_the_sandbox_only()
    {
        Assert.Equal("http://localhost:5000/ipn", IpnUrlValidator.Normalize("http://localhost:5000/ipn", PaymentEnvironment.Sandbox, [443]));
        Assert.False(IpnUrlValidator.TryNormalize("http://localhost/ipn", PaymentEnvironment.Production, out _, out _));
    }

    [Fact]
    public void A_url_longer_than_2048_characters_is_refused()
    {
        Assert.False(IpnUrlValidator.TryNormalize("https://shop.example/" + new string('a', 2048), PaymentEnvironment.Production, out _, out var key));
        Assert.Equal("Error.UrlTooLong", key);
    }
}
