using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.TestAccounts;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public enum ReadinessCheck
{
    AccessKey = 0,
    IpnEndpoint = 1,
    IpnDelivered = 2,
    TestBuyer = 3,
    TestTransaction = 4,
    LoginApp = 5,
}

public sealed record ReadinessItem(ReadinessCheck Check, bool SandboxDone, bool ProductionDone, bool NeededForProduction);

/// <summary>One setting that can move from Sandbox to Production, as it would be applied.</summary>
public sealed record CopyPreview(string Setting, string SandboxValue, string? ProductionValue, string? ErrorKey)
{
    public bool CanApply => ErrorKey is null && SandboxValue != ProductionValue;
}

/// <summary>
/// Going live (seed 001: test in the Sandbox, then move the settings to the Production view). Reads both environments
/// of the current merchant, each through a context scoped to that environment, so the tenant filters still apply.
/// </summary>
public sealed class ReadinessService(DbContextOptions<DashboardDbContext> options, IMerchantScope scope, ICurrentActor actor,
    IStepUpAuthentication stepUp, SecretProtector protector, AuditService audit, IpnOptionsAccessor ipnOptions, TimeProvider clock)
{
    public const string IpnSetting = "IpnEndpointUrl";

    public async Task<IReadOnlyList<ReadinessItem>> ChecklistAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        var sandbox = await FactsAsync(PaymentEnvironment.Sandbox, ct);
        var production = await FactsAsync(PaymentEnvironment.Production, ct);
        return
        [
            new(ReadinessCheck.AccessKey, sandbox.Key, production.Key, true),
            new(ReadinessCheck.IpnEndpoint, sandbox.Ipn, production.Ipn, true),
            new(ReadinessCheck.IpnDelivered, sandbox.Delivered, production.Delivered, false),
            new(ReadinessCheck.TestBuyer, sandbox.Buyer, false, false),
            new(ReadinessCheck.TestTransaction, sandbox.Transaction, production.Transaction, false),
            new(ReadinessCheck.LoginApp, sandbox.LoginApp, production.LoginApp, false),
        ];
    }

    /// <summary>What "copy to Production" would change, validated with Production's rules; nothing is written.</summary>
    public async Task<IReadOnlyList<CopyPreview>> PreviewCopyAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var sandbox = Open(PaymentEnvironment.Sandbox);
        await using var production = Open(PaymentEnvironment.Production);
        var from = await sandbox.IpnEndpoints.AsNoTracking().Select(e => e.Url).SingleOrDefaultAsync(ct);
        if (from is null) return [];
        var to = await production.IpnEndpoints.AsNoTracking().Select(e => e.Url).SingleOrDefaultAsync(ct);
        IpnUrlValidator.TryNormalize(from, PaymentEnvironment.Production, out _, out var error, ipnOptions.AllowedPorts);
        return [new CopyPreview(IpnSetting, from, to, error)];
    }

    /// <returns>The new Production signing secret when the copy created the endpoint (shown once), otherwise null.</returns>
    public async Task<string?> ApplyCopyAsync(string setting, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
        if (setting != IpnSetting) throw new DomainRuleException("Error.Generic");
        var preview = (await PreviewCopyAsync(ct)).SingleOrDefault(p => p.Setting == setting) ?? throw new DomainRuleException("Error.IpnEndpointMissing");
        if (preview.ErrorKey is { } key) throw new DomainRuleException(key);
        await using var production = Open(PaymentEnvironment.Production);
        var now = clock.GetUtcNow().UtcDateTime;
        var url = IpnUrlValidator.Normalize(preview.SandboxValue, PaymentEnvironment.Production, ipnOptions.AllowedPorts);
        var endpoint = await production.IpnEndpoints.SingleOrDefaultAsync(ct);
        string? secret = null;
        if (endpoint is null)
        {
            secret = Secrets.New("ipnsec_live_");
            production.IpnEndpoints.Add(new IpnEndpoint(scope.MerchantId, PaymentEnvironment.Production, url,
                protector.Protect(SecretProtector.IpnSigningPurpose, secret), Secrets.Last4(secret), now));
        }
        else
        {
            endpoint.ChangeUrl(url, now);
        }
        await production.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord("integration.copied-to-production", true, actor.UserId, actor.UserName, scope.MerchantId,
            PaymentEnvironment.Production, "IpnEndpoint", url, actor.IpAddress, $"from Sandbox: {setting}"), ct);
        return secret;
    }

    private sealed record Facts(bool Key, bool Ipn, bool Delivered, bool Buyer, bool Transaction, bool LoginApp);

    private async Task<Facts> FactsAsync(PaymentEnvironment environment, CancellationToken ct)
    {
        await using var db = Open(environment);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Facts(
            await db.AccessKeys.AnyAsync(k => k.RevokedUtc == null && (k.ExpiresUtc == null || k.ExpiresUtc > now), ct),
            await db.IpnEndpoints.AnyAsync(ct),
            await db.IpnEndpoints.AnyAsync(e => e.LastSuccessUtc != null, ct),
            environment == PaymentEnvironment.Sandbox && await db.TestBuyers.AnyAsync(ct),
            await db.PaymentOrders.AnyAsync(ct),
            await db.LoginApps.AnyAsync(ct));
    }

    private DashboardDbContext Open(PaymentEnvironment environment)
    {
        if (scope.IsSystem || scope.MerchantId == Guid.Empty) throw new ForbiddenException("readiness without a merchant view");
        return new DashboardDbContext(options, new MerchantScope(scope.MerchantId, environment));
    }
}

/// <summary>The IPN port allow-list, without tying this service to the options framework's lifetime rules.</summary>
public sealed record IpnOptionsAccessor(IReadOnlyCollection<int> AllowedPorts);
