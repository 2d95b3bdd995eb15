// Seller Central Reports API: a complete client. Needs only .NET (System.*). Copy it into your project.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SellerCentral.Samples;

public sealed class SellerCentralClient(HttpClient http, string accessKeyId, string secretKey)
{
    /// <summary>GET a path such as "/api/v1/transactions" with query parameters, signed with your access key.</summary>
    public async Task<string> GetAsync(string path, IDictionary<string, string>? query = null, CancellationToken ct = default)
    {
        query ??= new Dictionary<string, string>();
        var timestamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var canonical = CanonicalString("GET", path, query, timestamp, []);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(canonical)));

        var queryString = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, path + (queryString.Length > 0 ? "?" + queryString : ""));
        request.Headers.Add("X-SC-Date", timestamp);
        request.Headers.TryAddWithoutValidation("Authorization", $"SC1-HMAC-SHA256 Credential={accessKeyId}, Signature={signature}");
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>METHOD, path, sorted RFC 3986-encoded query, timestamp and the body's SHA-256, one per line.</summary>
    public static string CanonicalString(string method, string path, IDictionary<string, string> query, string timestamp, byte[] body)
    {
        var sorted = query.Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return string.Join('\n', method, path, string.Join("&", sorted), timestamp, Convert.ToHexStringLower(SHA256.HashData(body)));
    }
}
