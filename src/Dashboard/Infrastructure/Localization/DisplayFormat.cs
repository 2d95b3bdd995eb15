using System.Globalization;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Security;

namespace Dashboard.Infrastructure.Localization;

/// <summary>Formats stored values for the person looking at them: money by culture and currency, UTC times in the
/// user's time zone.</summary>
public sealed class DisplayFormat(CurrentView view)
{
    public TimeZoneInfo TimeZone => Resolve(view.TimeZoneId);

    public string Money(long minorUnits, string currency) =>
        Currencies.Format(minorUnits, currency, CultureInfo.CurrentCulture);

    public System.DateTime ToLocal(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public string DateTime(System.DateTime utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public string Date(System.DateTime utc) => ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    public static TimeZoneInfo Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;
    }
}
