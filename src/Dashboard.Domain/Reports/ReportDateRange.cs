namespace Dashboard.Domain.Reports;

public enum DateRangePreset
{
    Today = 0,
    Last7Days = 1,
    Last30Days = 2,
    Last90Days = 3,
    Custom = 4,
}

/// <summary>
/// A report period in UTC, [FromUtc, ToUtc). Presets and custom dates are calendar days in the user's time zone:
/// "today" for a user in Tokyo starts at 15:00 UTC the day before.
/// </summary>
public sealed record ReportDateRange(DateTime FromUtc, DateTime ToUtc)
{
    /// <summary>The longest custom range a report accepts (the provider keeps six months online; a bit more is harmless).</summary>
    public const int MaxDays = 400;

    /// <param name="from">First day included (Custom only).</param>
    /// <param name="to">Last day included (Custom only).</param>
    public static ReportDateRange Resolve(DateRangePreset preset, DateOnly? from, DateOnly? to, TimeZoneInfo zone, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone));
        var (first, last) = preset switch
        {
            DateRangePreset.Today => (today, today),
            DateRangePreset.Last7Days => (today.AddDays(-6), today),
            DateRangePreset.Last90Days => (today.AddDays(-89), today),
            DateRangePreset.Custom => (from ?? today, to ?? from ?? today),
            _ => (today.AddDays(-29), today),
        };
        if (last < first) (first, last) = (last, first);
        if (last.DayNumber - first.DayNumber >= MaxDays) first = last.AddDays(-(MaxDays - 1));
        return new ReportDateRange(StartOfDayUtc(first, zone), StartOfDayUtc(last.AddDays(1), zone));
    }

    /// <summary>UTC instant of local midnight; when midnight does not exist (a DST gap), the first valid instant after it.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}

/// <summary>One page of a report and the number of rows the whole filter matches.</summary>
public sealed record ReportPage<T>(IReadOnlyList<T> Rows, int TotalCount);
