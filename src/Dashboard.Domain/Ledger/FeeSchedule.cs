using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>A merchant's price per capture: a percentage in basis points plus a fixed fee in minor units.</summary>
public readonly record struct FeeRate(int BasisPoints, long FixedFee, string Currency)
{
    /// <summary>amount × bp / 10000, rounded half away from zero, in integers (no floating point on money).</summary>
    public long PercentageOf(long amount)
    {
        var scaled = checked(Math.Abs(amount) * BasisPoints);
        var rounded = (scaled + 5_000) / 10_000;
        return amount < 0 ? -rounded : rounded;
    }
}

/// <summary>The provider's standard pricing per merchant country.</summary>
public static class FeeSchedule
{
    private static readonly Dictionary<string, FeeRate> Rates = new(StringComparer.Ordinal)
    {
        ["DE"] = new(290, 35, "EUR"),
        ["FR"] = new(290, 35, "EUR"),
        ["IT"] = new(290, 35, "EUR"),
        ["ES"] = new(290, 35, "EUR"),
        ["LU"] = new(290, 35, "EUR"),
        ["NL"] = new(290, 35, "EUR"),
        ["PT"] = new(290, 35, "EUR"),
        ["GB"] = new(340, 20, "GBP"),
        ["SE"] = new(290, 300, "SEK"),
        ["DK"] = new(290, 250, "DKK"),
        ["HU"] = new(290, 10_000, "HUF"),
        ["JP"] = new(390, 0, "JPY"),
    };

    public static IReadOnlyCollection<string> Countries => Rates.Keys;

    public static FeeRate For(string countryCode, string currency)
    {
        if (!Rates.TryGetValue(countryCode, out var rate))
            throw new DomainRuleException("Error.NoFeeSchedule", countryCode, currency);
        if (rate.Currency != currency)
            throw new DomainRuleException("Error.NoFeeSchedule", countryCode, currency);
        return rate;
    }
}
