using Dashboard.Domain.Common;

namespace Dashboard.Domain.Notifications;

public enum NoticeType
{
    ClaimFiled = 0,
    ClaimDeadlineSoon = 1,
    ClaimDecided = 2,
    ClaimAutoAssigned = 3,
    ChargebackReceived = 4,
    ChargebackDeadlineSoon = 5,
    ChargebackDecided = 6,
    DefectRateAboveThreshold = 7,
    /// <summary>Raised by the IPN delivery monitor (Integration); the inbox already shows it.</summary>
    IpnEndpointFailing = 8,
    KeyExpiring = 9,
}

public enum NoticeCategory
{
    Claims = 0,
    Chargebacks = 1,
    Policy = 2,
    Technical = 3,
}

public enum NoticeSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>A message from the provider to the merchant: new claim, deadline in 48 h, decision, defect rate, …</summary>
public sealed class PerformanceNotice : IEnvironmentOwned
{
    public const int DedupKeyMaxLength = 100;
    public const int SubjectMaxLength = 100;

    private PerformanceNotice() { }

    public PerformanceNotice(Guid merchantId, PaymentEnvironment environment, NoticeType type, string dedupKey,
        string? subject, Guid? relatedId, DateTime createdUtc)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        Type = type;
        Category = CategoryOf(type);
        Severity = SeverityOf(type);
        DedupKey = dedupKey.Length <= DedupKeyMaxLength ? dedupKey : dedupKey[..DedupKeyMaxLength];
        Subject = subject is null ? null : subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength];
        RelatedId = relatedId;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public NoticeType Type { get; private set; }
    public NoticeCategory Category { get; private set; }
    public NoticeSeverity Severity { get; private set; }

    /// <summary>Unique per merchant environment: the same fact (a reminder for one claim) is noticed once, however often a job runs.</summary>
    public string DedupKey { get; private set; } = "";

    /// <summary>The object's human reference (an order id) filled into the localized text; never markup.</summary>
    public string? Subject { get; private set; }
    public Guid? RelatedId { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    /// <summary>When the notice was handed to <see cref="INoticeMailer"/>.</summary>
    public DateTime? MailedUtc { get; private set; }

    /// <summary>Read state is per user (<see cref="NoticeRead"/>): one colleague reading a notice leaves it unread for the others.</summary>
    public NoticeRead ReadBy(string userId, DateTime nowUtc) => new(this, userId, nowUtc);

    public void MarkMailed(DateTime nowUtc) => MailedUtc ??= nowUtc;

    public static NoticeCategory CategoryOf(NoticeType type) => type switch
    {
        NoticeType.ClaimFiled or NoticeType.ClaimDeadlineSoon or NoticeType.ClaimDecided or NoticeType.ClaimAutoAssigned => NoticeCategory.Claims,
        NoticeType.ChargebackReceived or NoticeType.ChargebackDeadlineSoon or NoticeType.ChargebackDecided => NoticeCategory.Chargebacks,
        NoticeType.DefectRateAboveThreshold => NoticeCategory.Policy,
        _ => NoticeCategory.Technical,
    };

    public static NoticeSeverity SeverityOf(NoticeType type) => type switch
    {
        NoticeType.ClaimDeadlineSoon or NoticeType.ChargebackDeadlineSoon or NoticeType.ClaimAutoAssigned
            or NoticeType.DefectRateAboveThreshold or NoticeType.IpnEndpointFailing => NoticeSeverity.Critical,
        NoticeType.ClaimFiled or NoticeType.ChargebackReceived or NoticeType.KeyExpiring => NoticeSeverity.Warning,
        _ => NoticeSeverity.Info,
    };
}

/// <summary>
/// The e-mail seam: the same notices go to the address set for their category once notification preferences exist
/// (Settings). The default sends nothing.
/// </summary>
/// <summary>One user has read one notice.</summary>
public sealed class NoticeRead : IEnvironmentOwned
{
    public const int UserIdMaxLength = 450;

    private NoticeRead() { }

    internal NoticeRead(PerformanceNotice notice, string userId, DateTime readUtc)
    {
        NoticeId = notice.Id;
        MerchantId = notice.MerchantId;
        Environment = notice.Environment;
        UserId = userId;
        ReadUtc = readUtc;
    }

    public Guid NoticeId { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public DateTime ReadUtc { get; private set; }
}

public interface INoticeMailer
{
    Task SendAsync(IReadOnlyList<PerformanceNotice> notices, CancellationToken ct);
}

public sealed class NoNoticeMailer : INoticeMailer
{
    public Task SendAsync(IReadOnlyList<PerformanceNotice> notices, CancellationToken ct) => Task.CompletedTask;
}
