using System.Globalization;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>
/// IPN-03 / seed 004: an endpoint or return URL is absolute https (plain http only for localhost, and only in the
/// Sandbox), names its host by DNS (no IP literal in any notation), carries no user info and is at most 2048
/// characters. The result is the normalised URL (IDN host in punycode, lower-case scheme and host).
/// </summary>
public static class IpnUrlValidator
{
    public const int MaxLength = 2048;
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <param name="allowedPorts">Ports allowed for https besides 443 (the IPN sender's allow-list); null allows any.</param>
    public static string Normalize(string? input, PaymentEnvironment environment, IReadOnlyCollection<int>? allowedPorts = null)
    {
        var raw = (input ?? "").Trim();
        if (raw.Length == 0) throw Invalid("Error.UrlRequired");
        if (raw.Length > MaxLength) throw Invalid("Error.UrlTooLong");
        if (raw.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c))) throw Invalid("Error.UrlInvalid");
        // On Unix "/path" parses as an absolute file URI: demand an explicit scheme and authority.
        if (!raw.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(raw, UriKind.Absolute, out var uri)) throw Invalid("Error.UrlInvalid");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) throw Invalid("Error.UrlHttpsOnly");
        if (!string.IsNullOrEmpty(uri.UserInfo) || raw.Contains('@', StringComparison.Ordinal) && AuthorityOf(raw).Contains('@'))
            throw Invalid("Error.UrlUserInfo");
        if (uri.HostNameType != UriHostNameType.Dns) throw Invalid("Error.UrlIpLiteral");

        string host;
        try { host = Idn.GetAscii(uri.IdnHost.TrimEnd('.')).ToLowerInvariant(); }
        catch (ArgumentException) { throw Invalid("Error.UrlInvalid"); }
        if (LooksNumeric(host) || !host.Contains('.') && host != "localhost") throw Invalid("Error.UrlIpLiteral");

        var isLocalhost = host == "localhost";
        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            if (!isLocalhost) throw Invalid("Error.UrlHttpsOnly");
            if (environment != PaymentEnvironment.Sandbox) throw Invalid("Error.UrlLocalhostSandboxOnly");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid("Error.UrlHttpsOnly");
        }
        else if (isLocalhost && environment != PaymentEnvironment.Sandbox)
        {
            throw Invalid("Error.UrlLocalhostSandboxOnly");
        }
        if (!isLocalhost && !uri.IsDefaultPort && allowedPorts is not null && !allowedPorts.Contains(uri.Port))
            throw Invalid("Error.UrlPort");
        if (!string.IsNullOrEmpty(uri.Fragment)) throw Invalid("Error.UrlInvalid");

        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{host}{port}{uri.PathAndQuery}";
    }

    /// <summary>Like <see cref="Normalize"/>, but returns the error key instead of throwing.</summary>
    public static bool TryNormalize(string? input, PaymentEnvironment environment, out string normalized, out string? errorKey,
        IReadOnlyCollection<int>? allowedPorts = null)
    {
        try
        {
            normalized = Normalize(input, environment, allowedPorts);
            errorKey = null;
            return true;
        }
        catch (DomainRuleException e)
        {
            normalized = "";
            errorKey = e.MessageKey;
            return false;
        }
    }

    // "2130706433", "0x7f.1", "0177.0.0.1": a last label of digits (or hex) is an address, not a name.
    private static bool LooksNumeric(string host)
    {
        var last = host.Split('.')[^1];
        return last.Length > 0 && (last.All(char.IsAsciiDigit) || last.StartsWith("0x", StringComparison.Ordinal));
    }

    private static string AuthorityOf(string raw)
    {
        var start = raw.IndexOf("//", StringComparison.Ordinal);
        if (start < 0) return "";
        var rest = raw[(start + 2)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }

    private static DomainRuleException Invalid(string key) => new(key);
}
