using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Users;

/// <summary>
/// SESS-03: one signed-in browser. Its id travels in the sign-in cookie as the <see cref="ClaimType"/> claim; a cookie
/// (or an open circuit) whose row is gone is signed out, which is how "sign out" of one session works.
/// </summary>
public sealed class UserSession
{
    public const string ClaimType = "dashboard:sid";
    public const int UserAgentMaxLength = 256;

    /// <summary>Last-seen writes are throttled: a session is touched at most once a minute.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private UserSession() { }

    public UserSession(string userId, string? ipAddress, string? userAgent, DateTime nowUtc)
    {
        Id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        UserId = userId;
        IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress;
        UserAgent = userAgent is { Length: > UserAgentMaxLength } ? userAgent[..UserAgentMaxLength] : userAgent;
        CreatedUtc = nowUtc;
        LastSeenUtc = nowUtc;
    }

    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime LastSeenUtc { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    /// <returns>true when the last-seen time moved (and needs saving).</returns>
    public bool Touch(DateTime nowUtc, string? ipAddress)
    {
        if (nowUtc - LastSeenUtc < TouchInterval) return false;
        LastSeenUtc = nowUtc;
        if (ipAddress is { Length: > 0 and <= 64 }) IpAddress = ipAddress;
        return true;
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMaxLength);
        b.HasIndex(s => s.UserId);
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The signed-in browsers of one user: started at sign-in, checked and touched on requests and circuit
/// revalidation, ended one by one or all at once.</summary>
/// <param name="maxAge">The absolute sign-in lifetime (SESS-02): older sessions are over anyway.</param>
public sealed class UserSessionService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, TimeSpan? maxAge = null)
{
    private TimeSpan MaxAge { get; } = maxAge ?? TimeSpan.FromHours(12);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<string> StartAsync(string userId, string? ipAddress, string? userAgent, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = new UserSession(userId, ipAddress, userAgent, Now);
        db.Add(session);
        var expired = Now - MaxAge;
        await db.UserSessions.Where(s => s.UserId == userId && s.CreatedUtc < expired).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>True while the session exists and is younger than <see cref="MaxAge"/>; records when it was last seen.</summary>
    public async Task<bool> IsActiveAsync(string userId, string sessionId, string? ipAddress, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null || Now - session.CreatedUtc > MaxAge) return false;
        if (session.Touch(Now, ipAddress)) await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<UserSession>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = Now - MaxAge;
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.CreatedUtc >= since)
            .OrderByDescending(s => s.LastSeenUtc).ToListAsync(ct);
    }

    /// <returns>false when the user has no such session.</returns>
    public async Task<bool> EndAsync(string userId, string sessionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task EndAllAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
