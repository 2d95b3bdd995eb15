namespace Dashboard.Infrastructure.Email;

/// <summary>"Smtp" section. With a Host, mail leaves through that server; without one, each message is written as an
/// .eml file to PickupDirectory (the Development default: data/mail), so nothing is silently dropped.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Seller Central <no-reply@localhost>";
    public string? PickupDirectory { get; set; }

    /// <summary>How often the dispatcher looks for due retries when nothing new is queued.</summary>
    public int PollSeconds { get; set; } = 15;
}
