using System.Text.RegularExpressions;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Merchants;

/// <summary>IBAN (ISO 13616: country length + mod-97 check digits) and BIC (ISO 9362).</summary>
public static partial class BankAccountRules
{
    // Lengths from the SWIFT IBAN registry for the onboarding countries and common neighbours.
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["GB"] = 22, ["DE"] = 22, ["FR"] = 27, ["IT"] = 27, ["ES"] = 24, ["LU"] = 20, ["NL"] = 18, ["SE"] = 24,
        ["PT"] = 25, ["HU"] = 28, ["DK"] = 18, ["BE"] = 16, ["AT"] = 20, ["CH"] = 21, ["IE"] = 22, ["FI"] = 18,
        ["PL"] = 28, ["NO"] = 15, ["MC"] = 27, ["LI"] = 21,
    };

    /// <summary>Upper case without spaces: "DE89 3704 0044 0532 0130 00" → "DE89370400440532013000".</summary>
    public static string NormalizeIban(string? value) => new((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static bool IsValidIban(string? value)
    {
        var iban = NormalizeIban(value);
        if (iban.Length < 15 || !iban.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])) return false;
        if (!IbanLengths.TryGetValue(iban[..2], out var length) || iban.Length != length) return false;
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        // Move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var digits = char.IsAsciiDigit(c) ? (c - '0').ToString() : (c - 'A' + 10).ToString();
            foreach (var d in digits) remainder = (remainder * 10 + (d - '0')) % 97;
        }
        return remainder == 1;
    }

    /// <summary>"DE89 **** **** **** **30 00" style: country, check digits and the last four characters only.</summary>
    public static string MaskIban(string? iban)
    {
        var n = NormalizeIban(iban);
        if (n.Length < 8) return n.Length == 0 ? "" : "****";
        return n[..4] + new string('•', n.Length - 8) + n[^4..];
    }

    public static bool IsValidBic(string? value) => value is not null && BicPattern().IsMatch(value.Trim().ToUpperInvariant());

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicPattern();
}

/// <summary>Postcode formats of the countries the provider onboards (seed 001) and Japan.</summary>
public static partial class PostcodeRules
{
    private static readonly Dictionary<string, Regex> Patterns = new(StringComparer.Ordinal)
    {
        ["GB"] = new(@"^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$", RegexOptions.IgnoreCase),
        ["DE"] = new(@"^(0[1-9]|[1-9][0-9])[0-9]{3}$"),
        ["FR"] = new(@"^(0[1-9]|[1-8][0-9]|9[0-8]|2A|2B)[0-9]{3}$|^[0-9]{5}$"),
        ["IT"] = new(@"^[0-9]{5}$"),
        ["ES"] = new(@"^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$"),
        ["LU"] = new(@"^(L-)?[0-9]{4}$", RegexOptions.IgnoreCase),
        ["NL"] = new(@"^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$", RegexOptions.IgnoreCase),
        ["SE"] = new(@"^[1-9][0-9]{2} ?[0-9]{2}$"),
        ["PT"] = new(@"^[1-9][0-9]{3}-[0-9]{3}$"),
        ["HU"] = new(@"^[1-9][0-9]{3}$"),
        ["DK"] = new(@"^(DK-)?[1-9][0-9]{3}$", RegexOptions.IgnoreCase),
        ["JP"] = new(@"^[0-9]{3}-?[0-9]{4}$"),
    };

    public static IReadOnlyCollection<string> Countries => Patterns.Keys;

    public static bool IsValid(string? country, string? postcode) =>
        country is not null && postcode is not null && Patterns.TryGetValue(country, out var p) && p.IsMatch(postcode.Trim());

    /// <summary>An example shown as the field's placeholder.</summary>
    public static string Example(string? country) => country switch
    {
        "GB" => "SW1A 1AA", "NL" => "1012 AB", "SE" => "114 55", "PT" => "1100-148", "JP" => "100-0005", "LU" => "L-1111",
        "HU" or "DK" => "1051", _ => "75001",
    };
}

/// <summary>EXP-03: a card number may never be stored; anything that looks like one (a run of 13–19 digits, single
/// spaces or dashes allowed between them, Luhn-valid) is refused in free text.</summary>
public static partial class CardNumberDetector
{
    public static bool ContainsPan(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (Match m in DigitRun().Matches(text))
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 13 and <= 19 && Luhn(digits)) return true;
        }
        return false;
    }

    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>Throws <see cref="DomainRuleException"/> when <paramref name="text"/> contains a card number.</summary>
    public static void Refuse(string? text)
    {
        if (ContainsPan(text)) throw new DomainRuleException("Error.CardNumberNotAllowed");
    }

    [GeneratedRegex(@"(?<!\d)\d(?:[ \-]?\d){12,}(?!\d)")]
    private static partial Regex DigitRun();
}
