using System.Globalization;

namespace Dashboard.Domain.Common;

/// <summary>ISO 4217 currencies the portal settles in, with their minor-unit exponent.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["GBP"] = 2, ["USD"] = 2, ["SEK"] = 2, ["DKK"] = 2, ["HUF"] = 2, ["JPY"] = 0,
    };

    public static IReadOnlyCollection<string> Supported => Exponents.Keys;

    public static bool IsSupported(string? code) => code is not null && Exponents.ContainsKey(code);

    /// <summary>Digits after the decimal point: 2 for EUR, 0 for JPY (no minor unit).</summary>
    public static int Exponent(string code) =>
        Exponents.TryGetValue(code, out var e) ? e : throw new DomainRuleException("Error.UnknownCurrency", code);

    public static decimal ToMajor(long minorUnits, string code) => minorUnits / (decimal)Pow10(Exponent(code));

    /// <summary>Parses a typed major amount ("12.50") into minor units; more decimals than the currency has is an error.</summary>
    public static long ToMinor(decimal major, string code)
    {
        var scaled = major * Pow10(Exponent(code));
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainRuleException("Error.TooManyDecimals", code, Exponent(code));
        }
        return (long)scaled;
    }

    /// <summary>Culture-formatted amount with the currency's own decimals: "1 234,50 €" in fr, "￥1,235" in ja.</summary>
    public static string Format(long minorUnits, string code, CultureInfo culture)
    {
        var nf = (NumberFormatInfo)culture.NumberFormat.Clone();
        nf.CurrencySymbol = Symbol(code);
        nf.CurrencyDecimalDigits = Exponent(code);
        return ToMajor(minorUnits, code).ToString("C", nf);
    }

    public static string Symbol(string code) => code switch
    {
        "EUR" => "€", "GBP" => "£", "USD" => "$", "JPY" => "¥", _ => code,
    };

    private static long Pow10(int e) => e switch { 0 => 1, 2 => 100, 3 => 1000, _ => (long)Math.Pow(10, e) };
}

/// <summary>An amount in integer minor units of an ISO currency. Never mixes currencies.</summary>
public readonly record struct Money(long MinorUnits, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money a, Money b) => new(checked(a.MinorUnits + Same(a, b).MinorUnits), a.Currency);
    public static Money operator -(Money a, Money b) => new(checked(a.MinorUnits - Same(a, b).MinorUnits), a.Currency);
    public static Money operator -(Money a) => new(-a.MinorUnits, a.Currency);

    private static Money Same(Money a, Money b) =>
        a.Currency == b.Currency ? b : throw new DomainRuleException("Error.CurrencyMismatch", a.Currency, b.Currency);

    public override string ToString() => $"{Currencies.ToMajor(MinorUnits, Currency).ToString(CultureInfo.InvariantCulture)} {Currency}";
}
