using Dashboard.Domain.Reports;

namespace Dashboard.Domain.Tests.Reports;

public sealed class ReportDateRangeTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Today_in_Tokyo_starts_at_15_00_UTC_the_day_before()
    {
        // 2026-03-02 20:00 UTC is already 3 March in Tokyo.
        var range = ReportDateRange.Resolve(DateRangePreset.Today, null, null, Tokyo, new DateTime(2026, 3, 2, 20, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc), range.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 3, 15, 0, 0, DateTimeKind.Utc), range.ToUtc);
    }

    [Fact]
    public void Last_7_days_cover_seven_local_days_ending_today()
    {
        var range = ReportDateRange.Resolve(DateRangePreset.Last7Days, null, null, Paris, new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 1, 3, 23, 0, 0, DateTimeKind.Utc), range.FromUtc);
        Assert.Equal(new DateTime(2026, 1, 10, 23, 0, 0, DateTimeKind.Utc), range.ToUtc);
    }

    [Fact]
    public void A_custom_range_across_the_spring_change_in_Paris_is_one_hour_shorter()
    {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Paris.
        var range = ReportDateRange.Resolve(DateRangePreset.Custom, new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), Paris, DateTime.UtcNow);
        Assert.Equal(new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc), range.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc), range.ToUtc);
        Assert.Equal(TimeSpan.FromHours(23), range.ToUtc - range.FromUtc);
    }

    [Fact]
    public void A_reversed_custom_range_is_swapped_and_an_overlong_one_is_capped()
    {
        var swapped = ReportDateRange.Resolve(DateRangePreset.Custom, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 1), TimeZoneInfo.Utc, DateTime.UtcNow);
        Assert.Equal(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), swapped.FromUtc);
        Assert.Equal(new DateTime(2026, 2, 11, 0, 0, 0, DateTimeKind.Utc), swapped.ToUtc);

        var capped = ReportDateRange.Resolve(DateRangePreset.Custom, new DateOnly(2020, 1, 1), new DateOnly(2026, 2, 1), TimeZoneInfo.Utc, DateTime.UtcNow);
        Assert.Equal(ReportDateRange.MaxDays, (capped.ToUtc - capped.FromUtc).TotalDays);
    }
}
