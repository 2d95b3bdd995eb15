using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Users;

namespace Dashboard.Domain.Tests.Users;

/// <summary>Two merchants on real SQLite, users and members, and a service acting as a chosen member.</summary>
public sealed class UsersFixture : IDisposable
{
    public static readonly DateTime Start = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    public TestDatabase Db { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Start);
    public Merchant Merchant { get; }
    public Merchant Other { get; }

    public UsersFixture()
    {
        Merchant = Db.AddMerchant(name: "Maison Test");
        Other = Db.AddMerchant("JP", "JPY", "Sakura Test");
    }

    public void Dispose() => Db.Dispose();

    public DashboardUser AddUser(string email)
    {
        var user = new DashboardUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email, SecurityStamp = "stamp-0", CreatedUtc = Start,
        };
        using var db = Db.Create(MerchantScope.System);
        db.Users.Add(user);
        db.SaveChanges();
        return user;
    }

    public MerchantMember AddMember(DashboardUser user, PermissionGrant grant, Merchant? merchant = null)
    {
        var member = new MerchantMember((merchant ?? Merchant).Id, user.Id, false, Start);
        grant.ApplyTo(member);
        using var db = Db.Create(MerchantScope.System);
        db.MerchantMembers.Add(member);
        db.SaveChanges();
        return member;
    }

    public static PermissionGrant Grant(params (Section Section, PermissionLevel Level)[] levels) =>
        new(false, levels.ToDictionary(l => l.Section, l => l.Level));

    public EmailOutbox Outbox => new(Db.System, new EchoRenderer(), Clock);

    public MemberService ServiceFor(FakeActor actor)
    {
        var scope = new MerchantScope(Merchant.Id, PaymentEnvironment.Sandbox);
        return new MemberService(Db.Factory(scope), scope, actor, new AuditService(Db.System, Clock), Outbox, Clock);
    }

    public InvitationAcceptance Acceptance => new(Db.System, new AuditService(Db.System, Clock), Clock);

    public FakeActor ActorFor(DashboardUser user, PermissionGrant grant) => new(user.Id, user.Email!, grant);

    private sealed class EchoRenderer : IMailRenderer
    {
        public RenderedMail Render(MailRequest r) => new($"{r.Culture}:{r.TemplateKey}", string.Join("|", r.Args));
    }
}

public sealed class FakeActor(string userId, string userName, PermissionGrant grant) : ICurrentActor
{
    public string? UserId => userId;
    public string? UserName => userName;
    public string? IpAddress => "203.0.113.7";
    public DateTime? ReauthenticatedUtc { get; set; }

    public void Demand(Section section, PermissionLevel level)
    {
        if (grant.LevelFor(section) < level) throw new ForbiddenException($"{section} {level}");
    }
}
