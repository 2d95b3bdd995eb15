using System.Net.Mail;

namespace Dashboard.Domain.Common;

/// <summary>What the portal accepts as one e-mail address: a bare addr-spec with a dotted domain, no display name.</summary>
public static class EmailAddressRule
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = value.Trim();
        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';')) return false;
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value) return false;
        var domain = parsed.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }

    /// <summary>Lower-cased trimmed address for comparisons (invitations are bound to it).</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
