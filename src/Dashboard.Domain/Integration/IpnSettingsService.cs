using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public sealed record IpnSettings(string MerchantCode, PaymentEnvironment Environment, string? Url, string? SecretLast4,
    DateTime? LastSuccessUtc, DateTime? LastFailureUtc, int ConsecutiveFailures, bool Failing);

public sealed record IpnDeliveryRow(long AttemptId, long NotificationId, string EventId, string Type, DateTime AttemptedUtc,
    int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error, bool Success, IpnNotificationStatus NotificationStatus);

/// <summary>Options the host sets: extra https ports an endpoint may use (IPN-03's allow-list).</summary>
public sealed class IpnOptions
{
    public const string SectionName = "Ipn";
    public List<int> AllowedPorts { get; set; } = [443, 8443];
}

/// <summary>The IPN endpoint of the current view: URL, signing secret, delivery log, resend and test sends.</summary>
public sealed class IpnSettingsService(
    IDbContextFactory<DashboardDbContext> contexts,
    ICurrentActor actor,
    IStepUpAuthentication stepUp,
    SecretProtector protector,
    AuditService audit,
    Microsoft.Extensions.Options.IOptions<IpnOptions> options,
    TimeProvider clock,
    IActionThrottle? throttle = null)
{
    public const int LogPageSize = 100;

    public async Task<IpnSettings> GetAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var code = await db.Merchants.AsNoTracking().Where(m => m.Id == db.Scope.MerchantId).Select(m => m.MerchantCode).SingleAsync(ct);
        var e = await db.IpnEndpoints.AsNoTracking().SingleOrDefaultAsync(ct);
        return new IpnSettings(code, db.Scope.Environment, e?.Url, e?.SecretLast4, e?.LastSuccessUtc, e?.LastFailureUtc,
            e?.ConsecutiveFailures ?? 0, e?.IsFailing ?? false);
    }

    /// <returns>The new signing secret when this is the endpoint's first save (shown once), otherwise null.</returns>
    public async Task<string?> SaveUrlAsync(string url, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var normalized = IpnUrlValidator.Normalize(url, db.Scope.Environment, options.Value.AllowedPorts);
        var now = Now;
        var endpoint = await db.IpnEndpoints.SingleOrDefaultAsync(ct);
        string? secret = null;
        if (endpoint is null)
        {
            secret = NewSecret(db.Scope.Environment);
            db.IpnEndpoints.Add(new IpnEndpoint(db.Scope.MerchantId, db.Scope.Environment, normalized,
                protector.Protect(SecretProtector.IpnSigningPurpose, secret), Secrets.Last4(secret), now));
        }
        else
        {
            endpoint.ChangeUrl(normalized, now);
        }
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.IpnEndpointChanged, normalized, ct);
        return secret;
    }

    /// <summary>A new signing secret; the old one keeps signing (a second v1) for 24 hours.</summary>
    public async Task<string> RollSecretAsync(CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.IpnEndpoints.SingleOrDefaultAsync(ct) ?? throw new DomainRuleException("Error.IpnEndpointMissing");
        var secret = NewSecret(db.Scope.Environment);
        endpoint.RollSecret(protector.Protect(SecretProtector.IpnSigningPurpose, secret), Secrets.Last4(secret), Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.IpnSecretRolled, null, ct);
        return secret;
    }

    public async Task<IReadOnlyList<IpnDeliveryRow>> DeliveriesAsync(bool failedOnly, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = from a in db.IpnDeliveryAttempts.AsNoTracking()
                    join n in db.IpnNotifications.AsNoTracking() on a.NotificationId equals n.Id
                    where !failedOnly || !a.Success
                    orderby a.Id descending
                    select new IpnDeliveryRow(a.Id, n.Id, n.EventId, n.Type, a.AttemptedUtc, a.StatusCode, a.LatencyMs, a.ResponseExcerpt,
                        a.Error, a.Success, n.Status);
        return await query.Take(LogPageSize).ToListAsync(ct);
    }

    public async Task ResendAsync(long notificationId, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.IpnNotifications.SingleOrDefaultAsync(x => x.Id == notificationId, ct) ?? throw new NotFoundException("Notification");
        n.Resend(Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.IpnResent, n.EventId, ct);
    }

    /// <summary>Queues a clearly marked test notification; the dispatcher sends it like any other.</summary>
    public async Task SendTestAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        throttle?.Demand(ThrottledAction.TestIpn, actor.UserId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.IpnEndpoints.AnyAsync(ct)) throw new DomainRuleException("Error.IpnEndpointMissing");
        var now = Now;
        var recent = await db.IpnNotifications.CountAsync(n => n.IsTest && n.CreatedUtc > now.AddMinutes(-1), ct);
        // BL-03: at most ten test sends a minute per merchant view.
        if (recent >= 10) throw new DomainRuleException("Error.TooManyTestNotifications");
        var code = await db.Merchants.AsNoTracking().Where(m => m.Id == db.Scope.MerchantId).Select(m => m.MerchantCode).SingleAsync(ct);
        var eventId = IpnNotification.NewEventId();
        var payload = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = eventId, type = "test", occurredUtc = now, merchantId = code, environment = db.Scope.Environment.ToString(), test = true,
        }, IpnOutbox.Json);
        db.IpnNotifications.Add(new IpnNotification(db.Scope.MerchantId, db.Scope.Environment, eventId, "test", payload, true, now));
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, IntegrationAuditActions.IpnTestSent, eventId, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Demand()
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
    }

    private static string NewSecret(PaymentEnvironment environment) => Secrets.New($"ipnsec_{Secrets.EnvironmentTag(environment)}_");

    private Task AuditAsync(IMerchantScope scope, string action, string? target, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment,
            "IpnEndpoint", target is { Length: > 128 } ? target[..128] : target, actor.IpAddress), ct);
}
