using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Domain.Integration;

/// <summary>
/// IPN-01: <c>SC-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>, one v1 per active
/// signing secret while a roll overlaps. Receivers check any v1 in constant time and a 300 s tolerance.
/// </summary>
public static class IpnSigner
{
    public const string Header = "SC-Signature";
    public const string EventIdHeader = "SC-Event-Id";
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    public static string SignatureHeader(long unixSeconds, string body, IEnumerable<string> secrets)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var parts = new List<string> { "t=" + t };
        parts.AddRange(secrets.Select(s => "v1=" + Compute(s, t, body)));
        return string.Join(',', parts);
    }

    /// <summary>The receiver's side, as published on Integration Central.</summary>
    public static bool Verify(string header, string body, string secret, long nowUnixSeconds)
    {
        string? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) continue;
            if (kv[0] == "t") t = kv[1];
            else if (kv[0] == "v1") candidates.Add(kv[1]);
        }
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) return false;
        if (Math.Abs(nowUnixSeconds - ts) > Tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c)));
    }

    private static string Compute(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
