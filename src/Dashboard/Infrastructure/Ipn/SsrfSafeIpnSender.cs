using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Domain.Integration;

namespace Dashboard.Infrastructure.Ipn;

/// <summary>Resolves a host name to addresses (A and AAAA). Tests inject one that maps test names to loopback.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// Addresses the sender may reach although <see cref="AddressPolicy"/> blocks them. Empty in production; only a test
/// host registers one (it is a DI singleton, never bound from configuration).
/// </summary>
public sealed class IpnAddressAllowList(IEnumerable<IPAddress> addresses)
{
    private readonly HashSet<IPAddress> _addresses = [.. addresses];

    public static IpnAddressAllowList None { get; } = new([]);

    public bool Contains(IPAddress address) => _addresses.Contains(address);
}

/// <summary>
/// IPN-04: POSTs a notification without ever connecting to a non-public address. The address is checked in the
/// connect callback, after resolution, so DNS rebinding between a check and the connect cannot slip a private address
/// in. No redirects, no proxy, 5 s to connect, 10 s in all, at most 64 KB of the response read.
/// </summary>
public sealed class SsrfSafeIpnSender : IIpnSender, IDisposable
{
    public const int MaxResponseBytes = 64 * 1024;
    public const int ExcerptChars = 500;
    private readonly HttpClient _client;

    public SsrfSafeIpnSender(IHostResolver resolver, IpnAddressAllowList allowList, TimeSpan? totalTimeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 16,
            ConnectCallback = async (context, ct) =>
            {
                var candidates = await resolver.ResolveAsync(context.DnsEndPoint.Host, ct);
                var allowed = candidates.Where(a => allowList.Contains(a) || !AddressPolicy.IsBlocked(a)).ToArray();
                if (allowed.Length == 0) throw new HttpRequestException("blocked address");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = totalTimeout ?? TimeSpan.FromSeconds(10) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("SellerCentral-IPN/1.0");
    }

    public async Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var excerpt = await ReadExcerptAsync(response, ct);
            return new IpnSendResult((int)response.StatusCode, (int)watch.ElapsedMilliseconds, excerpt, null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new IpnSendResult(null, (int)watch.ElapsedMilliseconds, null, "timeout");
        }
        catch (HttpRequestException e)
        {
            // The message names the cause ("blocked address", connection refused) without internals.
            return new IpnSendResult(null, (int)watch.ElapsedMilliseconds, null, e.InnerException?.Message ?? e.Message);
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length <= ExcerptChars ? text : text[..ExcerptChars];
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Which addresses an IPN may never reach: everything that is not a public unicast address.</summary>
public static class AddressPolicy
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24), (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.Parse("::"), 96), // unspecified, loopback and IPv4-compatible
        (IPAddress.Parse("::ffff:0:0"), 96), // mapped: checked as IPv4 below, blocked if it slips through
        (IPAddress.Parse("64:ff9b::"), 96), (IPAddress.Parse("64:ff9b:1::"), 48), (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001::"), 23), (IPAddress.Parse("2001:db8::"), 32), (IPAddress.Parse("2002::"), 16),
        (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? BlockedV6 : null;
        return ranges is null || ranges.Any(r => InRange(address, r.Network, r.Prefix));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }
        return true;
    }
}
