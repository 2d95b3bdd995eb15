using System.Globalization;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Transactions;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Features.Reports.Transactions;

/// <summary>
/// The report's filter as the person chose it (a preset or local dates, amounts in major units) and its URL form.
/// The page and the export endpoints read the same query string, so a bookmarked or shared link shows the same rows
/// and downloads the same file. Unknown or malformed values are ignored, never passed on.
/// </summary>
public sealed record TransactionFilterState(
    DateRangePreset Preset = DateRangePreset.Last30Days,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<TransactionStatus>? Statuses = null,
    IReadOnlyList<TransactionType>? Types = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    string? Search = null,
    TransactionSort? Sort = null)
{
    public static TransactionFilterState Default { get; } = new();

    public static TransactionFilterState Parse(Func<string, string?> get)
    {
        var preset = Enum.TryParse<DateRangePreset>(get("preset"), ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : DateRangePreset.Last30Days;
        var search = get("q")?.Trim();
        return new TransactionFilterState(
            preset,
            ParseDate(get("from")),
            ParseDate(get("to")),
            ParseList<TransactionStatus>(get("status")),
            ParseList<TransactionType>(get("type")),
            ParseAmount(get("min")),
            ParseAmount(get("max")),
            string.IsNullOrEmpty(search) ? null : search[..Math.Min(search.Length, TransactionReportFilter.SearchMaxLength)],
            Enum.TryParse<TransactionSortField>(get("sort"), ignoreCase: true, out var f) && Enum.IsDefined(f)
                ? new TransactionSort(f, get("desc") != "false")
                : null);
    }

    public static TransactionFilterState Parse(IQueryCollection query) => Parse(k => query.TryGetValue(k, out var v) ? v.ToString() : null);

    public static TransactionFilterState ParseUri(string uri) => ParseQuery(new Uri(uri).Query);

    public static TransactionFilterState ParseQuery(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return Parse(k => values.TryGetValue(k, out var v) ? v.ToString() : null);
    }

    /// <summary>The query string without its "?"; default values are left out so links stay short.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Preset != DateRangePreset.Last30Days) parts.Add(new("preset", Preset.ToString()));
        if (Preset == DateRangePreset.Custom)
        {
            if (From is { } from) parts.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (To is { } to) parts.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (Statuses is { Count: > 0 }) parts.Add(new("status", string.Join(',', Statuses)));
        if (Types is { Count: > 0 }) parts.Add(new("type", string.Join(',', Types)));
        if (MinAmount is { } min) parts.Add(new("min", min.ToString(CultureInfo.InvariantCulture)));
        if (MaxAmount is { } max) parts.Add(new("max", max.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(Search)) parts.Add(new("q", Search));
        if (Sort is { } sort && sort != TransactionSort.Default)
        {
            parts.Add(new("sort", sort.Field.ToString()));
            parts.Add(new("desc", sort.Descending ? "true" : "false"));
        }
        return QueryHelpers.AddQueryString("", parts).TrimStart('?');
    }

    /// <summary>The typed filter for the service: local days in the user's zone become a UTC range, amounts become minor units.</summary>
    public TransactionReportFilter ToFilter(TimeZoneInfo zone, DateTime nowUtc, string currency)
    {
        var range = ReportDateRange.Resolve(Preset, From, To, zone, nowUtc);
        return new TransactionReportFilter(range.FromUtc, range.ToUtc, Statuses, Types, ToMinor(MinAmount, currency), ToMinor(MaxAmount, currency), Search);
    }

    // Amounts are rounded to the currency's decimals rather than refused: a filter never fails.
    private static long? ToMinor(decimal? major, string currency) =>
        major is { } m ? Currencies.ToMinor(Math.Round(m, Currencies.Exponent(currency), MidpointRounding.AwayFromZero), currency) : null;

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static decimal? ParseAmount(string? s) =>
        decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 1_000_000_000_000m ? d : null;

    private static IReadOnlyList<TEnum>? ParseList<TEnum>(string? s) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var values = s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.TryParse<TEnum>(v, ignoreCase: true, out var e) && Enum.IsDefined(e) ? e : (TEnum?)null)
            .OfType<TEnum>().Distinct().ToList();
        return values.Count == 0 ? null : values;
    }
}
