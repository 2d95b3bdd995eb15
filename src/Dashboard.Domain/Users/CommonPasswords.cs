using System.IO.Compression;

namespace Dashboard.Domain.Users;

/// <summary>
/// AUTH-02: the 30,000 most common passwords of public breach dumps (the "passwords" frequency list of zxcvbn 4.4.2,
/// MIT, see NOTICE), shipped as an embedded resource so no outbound call is needed. Loaded once, compared
/// case-insensitively.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "Dashboard.Domain.Users.CommonPasswords.txt.gz";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>True for a listed password, also once trailing digits and symbols are dropped ("monkey123456").</summary>
    public static bool Contains(string password)
    {
        var set = List.Value;
        if (set.Contains(password)) return true;
        var stem = password.TrimEnd("0123456789!@#$%^&*()-_=+.?,;:~ ".ToCharArray());
        return stem.Length >= 4 && stem.Length < password.Length && set.Contains(stem);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(32_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
