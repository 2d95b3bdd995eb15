using Dashboard.Domain.Common;

namespace Dashboard.Domain.Performance;

/// <summary>
/// A merchant's deadline rules and thresholds for claims and chargebacks. The sources disagree on the A-to-z window
/// (7 calendar days, 7 business days, 5 business days), so it is a setting, not code (BL-02).
/// </summary>
public sealed class PerformanceSettings : IMerchantOwned
{
    public const int DefaultClaimResponseDays = 7;
    public const int DefaultChargebackResponseDays = 7;
    public const int DefaultChargebackEvidenceDays = 11;
    public const int DefaultAppealDays = 30;
    /// <summary>1% defect rate, in basis points.</summary>
    public const int DefaultDefectRateThreshold = 100;
    public const int TimeZoneIdMaxLength = 64;
    public const int MinResponseDays = 1;
    public const int MaxResponseDays = 30;

    private PerformanceSettings() { }

    public PerformanceSettings(Guid merchantId, string timeZoneId)
    {
        MerchantId = merchantId;
        TimeZoneId = timeZoneId;
        ClaimResponseDays = DefaultClaimResponseDays;
        ChargebackResponseDays = DefaultChargebackResponseDays;
        ChargebackEvidenceDays = DefaultChargebackEvidenceDays;
        DefectRateThresholdBasisPoints = DefaultDefectRateThreshold;
    }

    public Guid MerchantId { get; private set; }

    /// <summary>The merchant's business time zone: "calendar days" end at its midnight.</summary>
    public string TimeZoneId { get; private set; } = "UTC";
    public int ClaimResponseDays { get; private set; }
    public int ChargebackResponseDays { get; private set; }
    public int ChargebackEvidenceDays { get; private set; }
    public int DefectRateThresholdBasisPoints { get; private set; }

    public void Change(int claimResponseDays, int chargebackResponseDays, int chargebackEvidenceDays, string timeZoneId)
    {
        if (new[] { claimResponseDays, chargebackResponseDays, chargebackEvidenceDays }.Any(d => d is < MinResponseDays or > MaxResponseDays))
            throw new DomainRuleException("Error.ResponseDaysOutOfRange", MinResponseDays, MaxResponseDays);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _) || timeZoneId.Length > TimeZoneIdMaxLength)
            throw new DomainRuleException("Error.TimeZoneInvalid");
        ClaimResponseDays = claimResponseDays;
        ChargebackResponseDays = chargebackResponseDays;
        ChargebackEvidenceDays = chargebackEvidenceDays;
        TimeZoneId = timeZoneId;
    }

    /// <summary>The defaults for a merchant that never changed them: its country's time zone.</summary>
    public static PerformanceSettings DefaultFor(Guid merchantId, string countryCode) => new(merchantId, DefaultTimeZone(countryCode));

    public static string DefaultTimeZone(string countryCode) => countryCode switch
    {
        "FR" => "Europe/Paris", "DE" => "Europe/Berlin", "IT" => "Europe/Rome", "ES" => "Europe/Madrid",
        "LU" => "Europe/Luxembourg", "NL" => "Europe/Amsterdam", "PT" => "Europe/Lisbon", "GB" => "Europe/London",
        "SE" => "Europe/Stockholm", "DK" => "Europe/Copenhagen", "HU" => "Europe/Budapest", "JP" => "Asia/Tokyo",
        _ => "UTC",
    };

    /// <summary>For the audit log: the three rules in one line.</summary>
    public string Describe() => $"claim={ClaimResponseDays}d chargeback={ChargebackResponseDays}d evidence={ChargebackEvidenceDays}d tz={TimeZoneId}";

    public DateTime ClaimRespondBy(DateTime filedUtc) => ResponseDeadline.CalendarDays(filedUtc, ClaimResponseDays, TimeZoneId);
    public DateTime ChargebackRespondBy(DateTime filedUtc) => ResponseDeadline.CalendarDays(filedUtc, ChargebackResponseDays, TimeZoneId);
    public DateTime ChargebackEvidenceDue(DateTime filedUtc) => ResponseDeadline.CalendarDays(filedUtc, ChargebackEvidenceDays, TimeZoneId);
}

/// <summary>Deadlines in UTC, computed on the server from the filing time and the merchant's rule.</summary>
public static class ResponseDeadline
{
    /// <summary>
    /// "Within N calendar days" ends at the merchant's midnight after the N-th day following the filing day. Computed
    /// on local dates, so a day that is 23 or 25 hours long (DST) still counts as one day.
    /// </summary>
    public static DateTime CalendarDays(DateTime filedUtc, int days, string timeZoneId)
    {
        if (filedUtc.Kind == DateTimeKind.Local) filedUtc = filedUtc.ToUniversalTime();
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var localFiled = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(filedUtc, DateTimeKind.Utc), tz);
        var localEnd = localFiled.Date.AddDays(days + 1);
        // A few zones skip midnight itself when DST starts; the deadline is then the first instant that exists.
        while (tz.IsInvalidTime(localEnd)) localEnd = localEnd.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified), tz);
    }
}
