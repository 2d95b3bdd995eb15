using System.Diagnostics;
using System.Net;
using Dashboard.Infrastructure.Ipn;

namespace Dashboard.Tests.Integration;

public sealed class SsrfSafeIpnSenderTests
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.1.2.3")] [InlineData("::1")] [InlineData("::ffff:127.0.0.1")] [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")] [InlineData("192.168.1.1")] [InlineData("169.254.169.254")] [InlineData("100.64.0.1")] [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")] [InlineData("255.255.255.255")] [InlineData("fd00::1")] [InlineData("fe80::1")] [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")] [InlineData("64:ff9b::a00:1")] [InlineData("::")]
    public void Non_public_addresses_are_blocked(string address) => Assert.True(AddressPolicy.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")] [InlineData("8.8.8.8")] [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address) => Assert.False(AddressPolicy.IsBlocked(IPAddress.Parse(address)));

    [Fact]
    public async Task A_host_that_resolves_to_loopback_is_never_contacted()
    {
        using var receiver = new LoopbackReceiver();
        using var sender = new SsrfSafeIpnSender(new MapResolver(IPAddress.Loopback), IpnAddressAllowList.None);

        var result = await sender.SendAsync($"http://shop.example:{receiver.Port}/ipn", "{}", NoHeaders, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Null(result.StatusCode);
        Assert.Contains("blocked", result.Error);
        Assert.Equal(0, receiver.Hits);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        using var receiver = new LoopbackReceiver { Respond = _ => (302, "http://127.0.0.1:1/internal", "", TimeSpan.Zero) };
        using var sender = new SsrfSafeIpnSender(new MapResolver(IPAddress.Loopback), new IpnAddressAllowList([IPAddress.Loopback]));

        var result = await sender.SendAsync($"http://shop.example:{receiver.Port}/ipn", "{}", NoHeaders, CancellationToken.None);

        Assert.Equal(302, result.StatusCode);
        Assert.False(result.Success);
        Assert.Equal(1, receiver.Hits);
    }

    [Fact]
    public async Task A_slow_receiver_is_abandoned_at_the_total_timeout()
    {
        using var receiver = new LoopbackReceiver { Respond = _ => (200, null, "late", TimeSpan.FromSeconds(30)) };
        using var sender = new SsrfSafeIpnSender(new MapResolver(IPAddress.Loopback), new IpnAddressAllowList([IPAddress.Loopback]), TimeSpan.FromSeconds(2));

        var watch = Stopwatch.StartNew();
        var result = await sender.SendAsync($"http://shop.example:{receiver.Port}/ipn", "{}", NoHeaders, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal("timeout", result.Error);
    }

    [Fact]
    public async Task A_huge_response_is_read_only_up_to_the_cap()
    {
        using var receiver = new LoopbackReceiver { Respond = _ => (200, null, new string('x', 10_000_000), TimeSpan.Zero) };
        using var sender = new SsrfSafeIpnSender(new MapResolver(IPAddress.Loopback), new IpnAddressAllowList([IPAddress.Loopback]));

        var result = await sender.SendAsync($"http://shop.example:{receiver.Port}/ipn", "{}", NoHeaders, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(SsrfSafeIpnSender.ExcerptChars, result.ResponseExcerpt!.Length);
    }

    /// <summary>Resolves every name to one address: the test's stand-in for DNS (and for a rebinding attacker).</summary>
    internal sealed class MapResolver(IPAddress address) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Task.FromResult(new[] { address });
    }
}
