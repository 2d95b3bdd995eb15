using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Integration;

namespace Dashboard.Domain.Tests.Integration;

public sealed class IpnSignerTests
{
    private const string Body = "{\"id\":\"ntf_1\",\"type\":\"payment.capture\"}";

    [Fact]
    public void The_header_verifies_with_an_independent_implementation_of_the_published_algorithm()
    {
        var header = IpnSigner.SignatureHeader(1_780_000_000, Body, ["ipnsec_test_one"]);
        // Independent: split on ',' and '=', HMAC-SHA256 over "t.body", hex.
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("ipnsec_test_one"),
            Encoding.UTF8.GetBytes(parts["t"] + "." + Body)));
        Assert.Equal("1780000000", parts["t"]);
        Assert.Equal(expected, parts["v1"]);
    }

    [Fact]
    public void A_tampered_body_or_a_stale_timestamp_fails()
    {
        var header = IpnSigner.SignatureHeader(1_780_000_000, Body, ["s"]);
        Assert.True(IpnSigner.Verify(header, Body, "s", 1_780_000_100));
        Assert.False(IpnSigner.Verify(header, Body.Replace("capture", "refund"), "s", 1_780_000_100));
        Assert.False(IpnSigner.Verify(header, Body, "s", 1_780_000_301));
        Assert.False(IpnSigner.Verify(header, Body, "other", 1_780_000_000));
    }

    [Fact]
    public void During_a_roll_the_header_carries_one_v1_per_secret_and_each_verifies()
    {
        var header = IpnSigner.SignatureHeader(1_780_000_000, Body, ["new", "old"]);
        Assert.Equal(2, header.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.True(IpnSigner.Verify(header, Body, "new", 1_780_000_000));
        Assert.True(IpnSigner.Verify(header, Body, "old", 1_780_000_000));
    }
}
