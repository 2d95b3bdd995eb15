using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Domain.Integration;

/// <summary>
/// The Reports API signature (KEY-04), documented on Integration Central. The canonical string is five lines:
/// <code>
/// METHOD
/// /path
/// sorted query: name=value pairs, RFC 3986-encoded, sorted by name then value (ordinal), joined with '&amp;'
/// timestamp (the X-SC-Date header, yyyyMMddTHHmmssZ, UTC)
/// lower-case hex SHA-256 of the body (of the empty string for GET)
/// </code>
/// and the header is <c>Authorization: SC1-HMAC-SHA256 Credential=&lt;access key id&gt;, Signature=&lt;hex HMAC-SHA256(secret, canonical)&gt;</c>.
/// </summary>
public static class RequestSigning
{
    public const string Algorithm = "SC1-HMAC-SHA256";
    public const string DateHeader = "X-SC-Date";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    public static string CanonicalString(string method, string path, IEnumerable<KeyValuePair<string, string>> query, string timestamp, ReadOnlySpan<byte> body)
    {
        var sortedQuery = string.Join("&", query
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        return string.Join('\n', method.ToUpperInvariant(), path, sortedQuery, timestamp, Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    public static string Sign(string secret, string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));

    public static string AuthorizationHeader(string accessKeyId, string signature) =>
        $"{Algorithm} Credential={accessKeyId}, Signature={signature}";

    public static string Timestamp(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTimestamp(string? value, out DateTime utc) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    public static bool TryParseAuthorization(string? header, out string accessKeyId, out string signature)
    {
        accessKeyId = signature = "";
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return false;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("Credential=", StringComparison.Ordinal)) accessKeyId = part["Credential=".Length..];
            else if (part.StartsWith("Signature=", StringComparison.Ordinal)) signature = part["Signature=".Length..];
        }
        return accessKeyId.Length > 0 && signature.Length == 64;
    }

    /// <summary>Constant-time comparison of two hex signatures.</summary>
    public static bool SignaturesMatch(string expectedHex, string actualHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(actualHex.ToLowerInvariant()));
}
