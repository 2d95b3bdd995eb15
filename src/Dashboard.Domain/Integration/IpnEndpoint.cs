using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>
/// The merchant's one IPN endpoint per environment (peers §8: one URL per view) with its signing secret and health.
/// During a secret roll the previous secret keeps signing (a second v1) until it expires.
/// </summary>
public sealed class IpnEndpoint : IEnvironmentOwned
{
    public const int FailureAlertThreshold = 5;
    public static readonly TimeSpan SecretRollOverlap = TimeSpan.FromHours(24);

    private IpnEndpoint() { }

    public IpnEndpoint(Guid merchantId, PaymentEnvironment environment, string url, string protectedSecret, string secretLast4, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        Url = url;
        ProtectedSecret = protectedSecret;
        SecretLast4 = secretLast4;
        UpdatedUtc = nowUtc;
        SecretCreatedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string Url { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public string SecretLast4 { get; private set; } = "";
    public DateTime SecretCreatedUtc { get; private set; }
    public string? PreviousProtectedSecret { get; private set; }
    public DateTime? PreviousSecretExpiresUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public DateTime? LastSuccessUtc { get; private set; }
    public DateTime? LastFailureUtc { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public DateTime? AlertSentUtc { get; private set; }

    public bool IsFailing => ConsecutiveFailures >= FailureAlertThreshold;

    public void ChangeUrl(string normalizedUrl, DateTime nowUtc)
    {
        Url = normalizedUrl;
        UpdatedUtc = nowUtc;
        ConsecutiveFailures = 0;
        AlertSentUtc = null;
    }

    public void RollSecret(string protectedSecret, string secretLast4, DateTime nowUtc)
    {
        PreviousProtectedSecret = ProtectedSecret;
        PreviousSecretExpiresUtc = nowUtc + SecretRollOverlap;
        ProtectedSecret = protectedSecret;
        SecretLast4 = secretLast4;
        SecretCreatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    /// <summary>The protected secrets that sign now: the current one, plus the previous one during a roll.</summary>
    public IEnumerable<string> SigningSecrets(DateTime nowUtc)
    {
        yield return ProtectedSecret;
        if (PreviousProtectedSecret is not null && PreviousSecretExpiresUtc > nowUtc) yield return PreviousProtectedSecret;
    }

    public void RecordSuccess(DateTime nowUtc)
    {
        LastSuccessUtc = nowUtc;
        ConsecutiveFailures = 0;
        AlertSentUtc = null;
    }

    /// <returns>true when this failure crosses the alert threshold and nobody was told yet.</returns>
    public bool RecordFailure(DateTime nowUtc)
    {
        LastFailureUtc = nowUtc;
        ConsecutiveFailures++;
        if (!IsFailing || AlertSentUtc is not null) return false;
        AlertSentUtc = nowUtc;
        return true;
    }
}

public enum IpnNotificationStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>
/// One notification in the outbox, written in the same transaction as the ledger change it reports (IPN-05). Its
/// <see cref="EventId"/> stays the same on every retry so receivers can deduplicate.
/// </summary>
public sealed class IpnNotification : IEnvironmentOwned
{
    public const int TypeMaxLength = 64;
    public const int EventIdLength = 30;

    /// <summary>Retry horizon (Stripe: up to 3 days), then the notification is Failed; a manual resend is still possible.</summary>
    public static readonly TimeSpan RetryHorizon = TimeSpan.FromDays(3);

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    private static readonly TransitionTable<IpnNotificationStatus> Transitions = new("IpnNotification", new()
    {
        [IpnNotificationStatus.Pending] = [IpnNotificationStatus.Delivered, IpnNotificationStatus.Failed],
        [IpnNotificationStatus.Failed] = [IpnNotificationStatus.Pending],
        [IpnNotificationStatus.Delivered] = [IpnNotificationStatus.Pending],
    });

    private IpnNotification() { }

    public IpnNotification(Guid merchantId, PaymentEnvironment environment, string eventId, string type, string payload,
        bool isTest, DateTime createdUtc)
    {
        MerchantId = merchantId;
        Environment = environment;
        EventId = eventId;
        Type = type;
        Payload = payload;
        IsTest = isTest;
        CreatedUtc = createdUtc;
        NextAttemptUtc = createdUtc;
        Status = IpnNotificationStatus.Pending;
    }

    /// <summary>Ascending in creation order: the dispatcher sends an endpoint's notifications in this order.</summary>
    public long Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string EventId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public bool IsTest { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public IpnNotificationStatus Status { get; private set; }
    public int AttemptCount { get; private set; }
    public DateTime? NextAttemptUtc { get; private set; }
    public DateTime? LastAttemptUtc { get; private set; }
    public DateTime? DeliveredUtc { get; private set; }
    public DateTime RetryUntilUtc => CreatedUtc + RetryHorizon;

    public static string NewEventId() => "ntf_" + Secrets.NewCode(EventIdLength - 4);

    public void RecordAttempt(bool success, DateTime nowUtc)
    {
        if (Status != IpnNotificationStatus.Pending) throw new DomainRuleException("Error.IllegalTransition", "IpnNotification", Status.ToString(), "attempt");
        AttemptCount++;
        LastAttemptUtc = nowUtc;
        if (success)
        {
            Transitions.EnsureAllowed(Status, IpnNotificationStatus.Delivered);
            Status = IpnNotificationStatus.Delivered;
            DeliveredUtc = nowUtc;
            NextAttemptUtc = null;
            return;
        }
        var next = nowUtc + Backoff[Math.Min(AttemptCount - 1, Backoff.Length - 1)];
        if (next > RetryUntilUtc)
        {
            Transitions.EnsureAllowed(Status, IpnNotificationStatus.Failed);
            Status = IpnNotificationStatus.Failed;
            NextAttemptUtc = null;
        }
        else
        {
            NextAttemptUtc = next;
        }
    }

    /// <summary>A manual resend: same event id, one more delivery as soon as the dispatcher runs.</summary>
    public void Resend(DateTime nowUtc)
    {
        if (Status != IpnNotificationStatus.Pending) Transitions.EnsureAllowed(Status, IpnNotificationStatus.Pending);
        Status = IpnNotificationStatus.Pending;
        NextAttemptUtc = nowUtc;
    }
}

/// <summary>One HTTP attempt of a notification, for the merchant's delivery log.</summary>
public sealed class IpnDeliveryAttempt : IEnvironmentOwned
{
    public const int ExcerptMaxLength = 500;
    public const int ErrorMaxLength = 200;

    private IpnDeliveryAttempt() { }

    public IpnDeliveryAttempt(IpnNotification n, string url, DateTime attemptedUtc, int? statusCode, int latencyMs, string? responseExcerpt,
        string? error, bool success)
    {
        NotificationId = n.Id;
        MerchantId = n.MerchantId;
        Environment = n.Environment;
        Url = url.Length <= IpnUrlValidator.MaxLength ? url : url[..IpnUrlValidator.MaxLength];
        AttemptedUtc = attemptedUtc;
        StatusCode = statusCode;
        LatencyMs = latencyMs;
        ResponseExcerpt = responseExcerpt is { Length: > ExcerptMaxLength } ? responseExcerpt[..ExcerptMaxLength] : responseExcerpt;
        Error = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error;
        Success = success;
    }

    public long Id { get; private set; }
    public long NotificationId { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string Url { get; private set; } = "";
    public DateTime AttemptedUtc { get; private set; }
    public int? StatusCode { get; private set; }
    public int LatencyMs { get; private set; }
    public string? ResponseExcerpt { get; private set; }
    public string? Error { get; private set; }
    public bool Success { get; private set; }
}
