using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Users;

public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Revoked = 2,
}

/// <summary>
/// An invitation to join one merchant with chosen permissions (AUTH-05): a single-use 256-bit token, stored only as
/// its SHA-256 hash, bound to the e-mail address and the merchant, valid for 72 hours.
/// </summary>
public sealed class Invitation : IMerchantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);
    public const int PermissionsMaxLength = 400;

    /// <summary>The portal's languages (the web project's supported cultures).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "de", "ja"];

    public static readonly TransitionTable<InvitationStatus> Transitions = new(nameof(Invitation), new()
    {
        [InvitationStatus.Pending] = [InvitationStatus.Accepted, InvitationStatus.Revoked],
    });

    private Invitation() { }

    private Invitation(Guid merchantId, string email, PermissionGrant grant, string invitedByUserId, string culture, DateTime nowUtc)
    {
        Culture = culture;
        Id = Guid.NewGuid();
        MerchantId = merchantId;
        Email = EmailAddressRule.Normalize(email);
        Permissions = grant.Encode();
        InvitedByUserId = invitedByUserId;
        CreatedUtc = nowUtc;
        Status = InvitationStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string Permissions { get; private set; } = "";
    public InvitationStatus Status { get; private set; }
    public string InvitedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime ExpiresUtc { get; private set; }
    public DateTime? AcceptedUtc { get; private set; }
    public string? AcceptedUserId { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    /// <summary>The invitee's language, chosen by the inviter: the mail is written in it and the new profile starts with it.</summary>
    public string Culture { get; private set; } = "en";

    public PermissionGrant Grant => PermissionGrant.Decode(Permissions);

    /// <returns>The invitation and its token; the token exists only in the mail, never in the database.</returns>
    public static (Invitation Invitation, string Token) Create(Guid merchantId, string email, PermissionGrant grant, string invitedByUserId, DateTime nowUtc,
        string culture = "en")
    {
        if (!Languages.Contains(culture)) throw new DomainRuleException("Error.LanguageNotSupported", culture);
        if (!EmailAddressRule.IsValid(email)) throw new DomainRuleException("Error.EmailInvalid", email);
        var invitation = new Invitation(merchantId, email, grant, invitedByUserId, culture, nowUtc);
        return (invitation, invitation.IssueToken(nowUtc));
    }

    public bool IsOpen(DateTime nowUtc) => Status == InvitationStatus.Pending && nowUtc < ExpiresUtc;

    /// <summary>Resend: a new token and a new 72 hours; the old link stops working.</summary>
    public string Renew(DateTime nowUtc)
    {
        if (Status != InvitationStatus.Pending) throw new DomainRuleException("Error.InvitationNotPending");
        return IssueToken(nowUtc);
    }

    public void Revoke(DateTime nowUtc)
    {
        Transitions.EnsureAllowed(Status, InvitationStatus.Revoked);
        Status = InvitationStatus.Revoked;
        RevokedUtc = nowUtc;
    }

    /// <summary>Redeems the invitation for the user whose verified address is <paramref name="userEmail"/>.</summary>
    public void Accept(string token, string userId, string userEmail, DateTime nowUtc)
    {
        if (!Matches(token) || !IsOpen(nowUtc)) throw new DomainRuleException("Error.InvitationInvalid");
        if (EmailAddressRule.Normalize(userEmail) != Email) throw new DomainRuleException("Error.InvitationOtherEmail");
        Transitions.EnsureAllowed(Status, InvitationStatus.Accepted);
        Status = InvitationStatus.Accepted;
        AcceptedUtc = nowUtc;
        AcceptedUserId = userId;
    }

    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string IssueToken(DateTime nowUtc)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        TokenHash = Hash(token);
        ExpiresUtc = nowUtc + Lifetime;
        return token;
    }
}
