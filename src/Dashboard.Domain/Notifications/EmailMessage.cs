using Dashboard.Domain.Common;

namespace Dashboard.Domain.Notifications;

public enum EmailStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One mail in the outbox: rendered in the recipient's language when it is queued, then delivered by the dispatcher
/// with exponential backoff. The row stays as the sent log.
/// </summary>
public sealed class EmailMessage
{
    public const int RecipientMaxLength = 320;
    public const int TemplateKeyMaxLength = 64;
    public const int SubjectMaxLength = 300;
    public const int LastErrorMaxLength = 500;

    /// <summary>After this many failed attempts (about 2 days of backoff) the message is given up as Failed.</summary>
    public const int MaxAttempts = 10;

    public static readonly TransitionTable<EmailStatus> Transitions = new(nameof(EmailMessage), new()
    {
        [EmailStatus.Pending] = [EmailStatus.Pending, EmailStatus.Sent, EmailStatus.Failed],
    });

    private EmailMessage() { }

    public EmailMessage(string recipient, string culture, string templateKey, string subject, string body, Guid? merchantId, DateTime createdUtc)
    {
        if (!EmailAddressRule.IsValid(recipient)) throw new DomainRuleException("Error.EmailInvalid", recipient);
        Id = Guid.NewGuid();
        Recipient = recipient.Trim();
        Culture = culture;
        TemplateKey = templateKey;
        Subject = subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength];
        Body = body;
        MerchantId = merchantId;
        CreatedUtc = createdUtc;
        NextAttemptUtc = createdUtc;
        Status = EmailStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid? MerchantId { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Culture { get; private set; } = "en";
    public string TemplateKey { get; private set; } = "";
    public string Subject { get; private set; } = "";

    /// <summary>The HTML body while the message waits for delivery; erased once it is sent or given up, because
    /// invitation and reset links in it are credentials that must not rest in the database.</summary>
    public string? Body { get; private set; }

    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? NextAttemptUtc { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? SentUtc { get; private set; }

    public bool IsDue(DateTime nowUtc) => Status == EmailStatus.Pending && NextAttemptUtc <= nowUtc;

    public void MarkSent(DateTime nowUtc)
    {
        Transitions.EnsureAllowed(Status, EmailStatus.Sent);
        Status = EmailStatus.Sent;
        Attempts++;
        SentUtc = nowUtc;
        NextAttemptUtc = null;
        Body = null;
    }

    public void MarkAttemptFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length <= LastErrorMaxLength ? error : error[..LastErrorMaxLength];
        if (Attempts >= MaxAttempts)
        {
            Transitions.EnsureAllowed(Status, EmailStatus.Failed);
            Status = EmailStatus.Failed;
            NextAttemptUtc = null;
            Body = null;
            return;
        }
        Transitions.EnsureAllowed(Status, EmailStatus.Pending);
        NextAttemptUtc = nowUtc + Backoff(Attempts);
    }

    /// <summary>30 s after the first failure, doubling each time, at most 8 hours apart.</summary>
    public static TimeSpan Backoff(int failedAttempts)
    {
        var seconds = 30 * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromHours(8).TotalSeconds));
    }
}
