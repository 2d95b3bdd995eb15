using Dashboard.Domain.Common;

namespace Dashboard.Domain.Audit;

/// <summary>One security-relevant fact, append-only (database triggers refuse UPDATE and DELETE).</summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 64;

    private AuditEvent() { }

    public AuditEvent(AuditRecord r, DateTime occurredUtc)
    {
        OccurredUtc = occurredUtc;
        ActorUserId = r.ActorUserId;
        ActorName = Truncate(r.ActorName, 256);
        MerchantId = r.MerchantId;
        Environment = r.Environment;
        Action = Truncate(r.Action, ActionMaxLength) ?? "";
        TargetType = Truncate(r.TargetType, 64);
        TargetId = Truncate(r.TargetId, 128);
        IpAddress = Truncate(r.IpAddress, 64);
        Success = r.Success;
        Details = Truncate(r.Details, 2000);
    }

    public long Id { get; private set; }
    public DateTime OccurredUtc { get; private set; }
    public string? ActorUserId { get; private set; }
    public string? ActorName { get; private set; }
    public Guid? MerchantId { get; private set; }
    public PaymentEnvironment? Environment { get; private set; }
    public string Action { get; private set; } = "";
    public string? TargetType { get; private set; }
    public string? TargetId { get; private set; }
    public string? IpAddress { get; private set; }
    public bool Success { get; private set; }
    public string? Details { get; private set; }

    /// <summary>LOG-03 hash chain: SHA-256 (hex) of the previous row's hash and this row's <see cref="Canonical"/> form.
    /// Null on rows written before the chain existed.</summary>
    public string? Hash { get; private set; }

    internal void Chain(string? previousHash) => Hash = ComputeHash(previousHash, this);

    public static string ComputeHash(string? previousHash, AuditEvent e) => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((previousHash ?? "") + "\n" + e.Canonical)));

    /// <summary>Every stored field except the id, in a fixed order with unambiguous separators.</summary>
    public string Canonical => string.Join('\u001f',
        OccurredUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), ActorUserId, ActorName, MerchantId?.ToString("N"),
        Environment?.ToString(), Action, TargetType, TargetId, IpAddress, Success ? "1" : "0", Details);

    // Log injection: a user-supplied value must stay on one line.
    private static string? Truncate(string? s, int max)
    {
        if (s is null) return null;
        s = s.Replace('\r', ' ').Replace('\n', ' ');
        return s.Length <= max ? s : s[..max];
    }
}

/// <summary>What a caller knows about an event; the service adds the time.</summary>
public sealed record AuditRecord(
    string Action,
    bool Success,
    string? ActorUserId = null,
    string? ActorName = null,
    Guid? MerchantId = null,
    PaymentEnvironment? Environment = null,
    string? TargetType = null,
    string? TargetId = null,
    string? IpAddress = null,
    string? Details = null);

/// <summary>Well-known action names, so the audit log can be filtered by them.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignOut = "auth.sign-out";
    public const string TwoFactorFailed = "auth.2fa-failed";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string TwoFactorDisabled = "auth.2fa-disabled";
    public const string TwoFactorRequirementChanged = "users.2fa-required";
    public const string RecoveryCodesGenerated = "auth.recovery-codes";
    public const string PasswordReset = "auth.password-reset";
    public const string PasswordChanged = "auth.password-changed";
    public const string PasswordSet = "auth.password-set";
    public const string AuthenticatorReset = "auth.authenticator-reset";
    public const string EmailChangeRequested = "auth.email-change-requested";
    public const string EmailChanged = "auth.email-changed";
    public const string ProfileUpdated = "auth.profile-updated";
    public const string ViewSwitched = "view.switched";
    public const string MerchantCreated = "merchant.created";
    public const string ReportExported = "report.exported";
    public const string SignedOutEverywhere = "auth.signed-out-everywhere";
    public const string SessionEnded = "auth.session-ended";
    public const string Reauthenticated = "auth.reauthenticated";
    public const string ReauthenticationFailed = "auth.reauthentication-failed";
    public const string UserInvited = "user.invited";
    public const string InvitationResent = "user.invitation-resent";
    public const string InvitationRevoked = "user.invitation-revoked";
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string InvitationRejected = "user.invitation-rejected";
    public const string PermissionsChanged = "user.permissions-changed";
    public const string MemberRemoved = "user.removed";
    public const string AuditLogViewed = "audit.viewed";
    public const string AuditLogExported = "audit.exported";
    public const string NotificationAddressesChanged = "notifications.addresses-changed";
    public const string NotificationTestSent = "notifications.test-sent";
    public const string PerformanceDeadlinesChanged = "performance.deadlines-changed";

    /// <summary>Every action name, for the audit log's filter.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
