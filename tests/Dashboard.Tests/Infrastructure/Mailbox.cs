using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Reads the .eml files the portal writes to {data directory}/mail (the pickup directory of the tests).</summary>
public static partial class Mailbox
{
    public static async Task<string> WaitForAsync(DashboardFactory factory, string recipient, string? header = null)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Find(factory, recipient, header) is { } mail) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {recipient} {header}");
    }

    public static string? Find(DashboardFactory factory, string recipient, string? header = null)
    {
        var directory = Path.Combine(factory.DataDirectory, "mail");
        if (!Directory.Exists(directory)) return null;
        return Directory.GetFiles(directory, "*.eml")
            .Select(File.ReadAllText)
            .FirstOrDefault(m => Regex.IsMatch(m, $"^To: .*{Regex.Escape(recipient)}", RegexOptions.Multiline | RegexOptions.IgnoreCase)
                && (header is null || m.Contains(header, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The decoded HTML body (quoted-printable or base64).</summary>
    public static string Body(string eml)
    {
        var separator = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..separator];
        var body = eml[(separator + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "")));
        if (!headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase)) return body;
        body = body.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '=' && i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
            {
                bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The first link whose path contains <paramref name="path"/>, HTML-decoded.</summary>
    public static Uri Link(string eml, string path)
    {
        var m = Regex.Match(Body(eml), $"href=['\"]([^'\"]*{Regex.Escape(path)}[^'\"]*)['\"]");
        Assert.True(m.Success, "No link in the mail: " + Body(eml));
        return new Uri(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
    }
}
