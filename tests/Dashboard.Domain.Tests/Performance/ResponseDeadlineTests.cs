using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Tests.Performance;

public class ResponseDeadlineTests
{
    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Theory]
    // Paris, spring forward on 29 March 2026: filed 25 March 11:00 CET, due at midnight CEST after 1 April.
    [InlineData("Europe/Paris", "2026-03-25T10:00:00Z", 7, "2026-04-01T22:00:00Z")]
    // Paris, fall back on 25 October 2026: filed 20 October 14:00 CEST, due at midnight CET after 27 October.
    [InlineData("Europe/Paris", "2026-10-20T12:00:00Z", 7, "2026-10-27T23:00:00Z")]
    // Tokyo has no DST; 20:00 UTC is already 26 March there, so the window counts from the 26th.
    [InlineData("Asia/Tokyo", "2026-03-25T20:00:00Z", 7, "2026-04-02T15:00:00Z")]
    // New York springs forward on 8 March 2026.
    [InlineData("America/New_York", "2026-03-05T15:00:00Z", 7, "2026-03-13T04:00:00Z")]
    [InlineData("UTC", "2026-03-05T23:59:59Z", 11, "2026-03-17T00:00:00Z")]
    public void Calendar_days_end_at_the_merchants_midnight_whatever_the_DST_change(string zone, string filed, int days, string expected)
    {
        var filedUtc = DateTime.Parse(filed, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var due = ResponseDeadline.CalendarDays(filedUtc, days, zone);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void The_merchants_rule_decides_the_window()
    {
        var settings = PerformanceSettings.DefaultFor(Guid.NewGuid(), "FR");
        Assert.Equal("Europe/Paris", settings.TimeZoneId);
        var filed = Utc(2026, 6, 1, 8);
        Assert.Equal(Utc(2026, 6, 8, 22), settings.ClaimRespondBy(filed));
        Assert.Equal(Utc(2026, 6, 12, 22), settings.ChargebackEvidenceDue(filed));
        settings.Change(5, 7, 11, "Europe/Paris");
        Assert.Equal(Utc(2026, 6, 6, 22), settings.ClaimRespondBy(filed));
    }
}
