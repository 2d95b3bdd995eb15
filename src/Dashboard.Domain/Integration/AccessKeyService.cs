using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public sealed record AccessKeyRow(Guid Id, string PublicId, string Name, string SecretLast4, DateTime CreatedUtc,
    DateTime? LastUsedUtc, DateTime? ExpiresUtc, DateTime? RevokedUtc, bool Active);

/// <summary>The one moment a secret is in clear: the caller shows it once and forgets it.</summary>
public sealed record IssuedSecret(AccessKeyRow Key, string Secret);

public sealed record DelegatedTokenRow(Guid Id, string Label, string Last4, DateTime CreatedUtc, DateTime? RevokedUtc);

public sealed record IssuedToken(DelegatedTokenRow Token, string Value);

public static class IntegrationAuditActions
{
    public const string KeyCreated = "key.created";
    public const string KeyRolled = "key.rolled";
    public const string KeyRevoked = "key.revoked";
    public const string KeyVerificationFailed = "key.verification-failed";
    public const string TokenIssued = "token.issued";
    public const string TokenRevoked = "token.revoked";
    public const string IpnEndpointChanged = "ipn.endpoint-changed";
    public const string IpnSecretRolled = "ipn.secret-rolled";
    public const string IpnResent = "ipn.resent";
    public const string IpnTestSent = "ipn.test-sent";
}

/// <summary>Access keys and delegated tokens of the current view (KEY-01..03, AUTH-08, LOG-01).</summary>
public sealed class AccessKeyService(
    IDbContextFactory<DashboardDbContext> contexts,
    ICurrentActor actor,
    IStepUpAuthentication stepUp,
    SecretProtector protector,
    AuditService audit,
    TimeProvider clock,
    IActionThrottle? throttle = null)
{
    public async Task<IReadOnlyList<AccessKeyRow>> ListAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        var keys = await db.AccessKeys.AsNoTracking().OrderByDescending(k => k.CreatedUtc).ToListAsync(ct);
        return keys.Select(k => Row(k, now)).ToList();
    }

    public async Task<IssuedSecret> CreateAsync(string name, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        await EnsureRoomAsync(db, now, ct);
        var (key, secret) = NewKey(db.Scope, name, now);
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.KeyCreated, key.PublicId, null, ct);
        return new IssuedSecret(Row(key, now), secret);
    }

    /// <summary>Creates a successor and keeps <paramref name="keyId"/> valid for <paramref name="overlap"/> (0 … 7 days).</summary>
    public async Task<IssuedSecret> RollAsync(Guid keyId, TimeSpan overlap, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        var old = await db.AccessKeys.FirstOrDefaultAsync(k => k.Id == keyId, ct) ?? throw new NotFoundException("Access key");
        old.ExpireAt(now + overlap, now);
        // The old key counts until it expires; a roll may not leave three keys valid at once.
        var othersActive = await db.AccessKeys.Where(k => k.Id != keyId && k.RevokedUtc == null && (k.ExpiresUtc == null || k.ExpiresUtc > now))
            .CountAsync(ct);
        if (othersActive + (overlap > TimeSpan.Zero ? 1 : 0) >= AccessKey.MaxActivePerEnvironment)
            throw new DomainRuleException("Error.TooManyKeys", AccessKey.MaxActivePerEnvironment);
        var (key, secret) = NewKey(db.Scope, old.Name, now);
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.KeyRolled, old.PublicId, $"successor {key.PublicId}; old expires {old.ExpiresUtc:O}", ct);
        return new IssuedSecret(Row(key, now), secret);
    }

    public async Task RevokeAsync(Guid keyId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.AccessKeys.FirstOrDefaultAsync(k => k.Id == keyId, ct) ?? throw new NotFoundException("Access key");
        key.Revoke(Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.KeyRevoked, key.PublicId, null, ct);
    }

    public async Task<IReadOnlyList<DelegatedTokenRow>> ListTokensAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DelegatedTokens.AsNoTracking().OrderByDescending(t => t.CreatedUtc)
            .Select(t => new DelegatedTokenRow(t.Id, t.Label, t.Last4, t.CreatedUtc, t.RevokedUtc)).ToListAsync(ct);
    }

    public async Task<IssuedToken> IssueTokenAsync(string label, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var value = Secrets.New($"amzn.mws.{Secrets.EnvironmentTag(db.Scope.Environment)}.");
        var token = new DelegatedToken(db.Scope.MerchantId, db.Scope.Environment, label, Secrets.Hash(value), Secrets.Last4(value),
            actor.UserName ?? actor.UserId ?? "", Now);
        db.DelegatedTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.TokenIssued, token.Id.ToString(), null, ct);
        return new IssuedToken(new DelegatedTokenRow(token.Id, token.Label, token.Last4, token.CreatedUtc, null), value);
    }

    public async Task RevokeTokenAsync(Guid tokenId, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.DelegatedTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct) ?? throw new NotFoundException("Token");
        token.Revoke(Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.TokenRevoked, token.Id.ToString(), null, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Demand()
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
        // BL-03: create, roll and revoke share one per-user budget (after step-up, so a re-authentication prompt
        // does not use it up).
        throttle?.Demand(ThrottledAction.KeyOperation, actor.UserId);
    }

    private static async Task EnsureRoomAsync(DashboardDbContext db, DateTime now, CancellationToken ct)
    {
        var active = await db.AccessKeys.CountAsync(k => k.RevokedUtc == null && (k.ExpiresUtc == null || k.ExpiresUtc > now), ct);
        if (active >= AccessKey.MaxActivePerEnvironment)
            throw new DomainRuleException("Error.TooManyKeys", AccessKey.MaxActivePerEnvironment);
    }

    private (AccessKey Key, string Secret) NewKey(IMerchantScope scope, string name, DateTime now)
    {
        if (scope.IsSystem || scope.MerchantId == Guid.Empty) throw new ForbiddenException("keys without a merchant view");
        var secret = Secrets.New($"sk_{Secrets.EnvironmentTag(scope.Environment)}_");
        var key = new AccessKey(scope.MerchantId, scope.Environment, name, protector.Protect(SecretProtector.AccessKeyPurpose, secret),
            Secrets.Last4(secret), actor.UserName ?? actor.UserId ?? "", now);
        return (key, secret);
    }

    private static AccessKeyRow Row(AccessKey k, DateTime now) =>
        new(k.Id, k.PublicId, k.Name, k.SecretLast4, k.CreatedUtc, k.LastUsedUtc, k.ExpiresUtc, k.RevokedUtc, k.IsActiveAt(now));

    // Never the secret: the audit trail records which key, not its value.
    private Task AuditAsync(IMerchantScope scope, string action, string target, string? details, CancellationToken ct) =>
        AuditAsync(scope, action, action.StartsWith("token.", StringComparison.Ordinal) ? "DelegatedToken" : "AccessKey", target, details, ct);

    private Task AuditAsync(IMerchantScope scope, string action, string targetType, string target, string? details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment,
            targetType, target, actor.IpAddress, details), ct);
}
