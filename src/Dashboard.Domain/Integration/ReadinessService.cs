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

/// <summary>
/// One setting that can move from Sandbox to Production, as it would be applied: <see cref="Values"/> is what Production
/// gets, <see cref="Current"/> what it has now (null: it will be created), <see cref="Staying"/> what does not move
/// (plain-http and localhost URLs are Sandbox-only).
/// </summary>
public sealed record CopyPreview(string Setting, string? Target, string? Name, IReadOnlyList<string> Values, IReadOnlyList<string>? Current,
    string? ErrorKey, IReadOnlyList<string> Staying)
{
    public bool CanApply => ErrorKey is null && (Current is null || !Values.SequenceEqual(Current));
}

/// <summary>What a copy created that is shown once: a new signing or client secret (with the public id it belongs to).</summary>
public sealed record CopyResult(string? Secret, string? PublicId);

/// <summary>
/// Going live (seed 001: test in the Sandbox, then move the settings to the Production view). Reads both environments
/// of the current merchant, each through a context scoped to that environment, so the tenant filters still apply.
/// </summary>
public sealed class ReadinessService(DbContextOptions<DashboardDbContext> options, IMerchantScope scope, ICurrentActor actor,
    IStepUpAuthentication stepUp, SecretProtector protector, AuditService audit, IpnOptionsAccessor ipnOptions, BannerFiles banners, LoginAppLogoFiles logos, TimeProvider clock)
{
    public const string IpnSetting = "IpnEndpointUrl";
    public const string LoginAppSetting = "LoginApp";
    public const string BannerSetting = "Banner";
    public const string CopiedAction = "integration.copied-to-production";

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
        var previews = new List<CopyPreview>();
        if (await sandbox.IpnEndpoints.AsNoTracking().Select(e => e.Url).SingleOrDefaultAsync(ct) is { } from)
        {
            var to = await production.IpnEndpoints.AsNoTracking().Select(e => e.Url).SingleOrDefaultAsync(ct);
            IpnUrlValidator.TryNormalize(from, PaymentEnvironment.Production, out _, out var error, ipnOptions.AllowedPorts);
            previews.Add(new CopyPreview(IpnSetting, null, null, [from], to is null ? null : [to], error, []));
        }
        var productionApps = await production.LoginApps.AsNoTracking().ToListAsync(ct);
        foreach (var app in await sandbox.LoginApps.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct))
        {
            var (moving, staying) = HttpsOnly(app);
            var existing = productionApps.FirstOrDefault(p => string.Equals(p.Name, app.Name, StringComparison.OrdinalIgnoreCase));
            var error = existing is null && !IsHttps(app.PrivacyPolicyUrl) ? "Error.UrlHttpsOnly" : null;
            previews.Add(new CopyPreview(LoginAppSetting, app.Id.ToString(), app.Name, moving, existing is null ? null : Urls(existing), error, staying));
        }
        if (await sandbox.PopupBanners.AsNoTracking().SingleOrDefaultAsync(ct) is { } banner)
        {
            var current = await production.PopupBanners.AsNoTracking().SingleOrDefaultAsync(ct);
            previews.Add(new CopyPreview(BannerSetting, null, null, [Describe(banner)], current is null ? null : [Describe(current)], null, []));
        }
        return previews;
    }

    /// <summary>Applies one previewed copy to Production in one transaction, audited; Integration Edit and a fresh password.</summary>
    /// <param name="target">The Sandbox login app's id for <see cref="LoginAppSetting"/>; otherwise null.</param>
    public async Task<CopyResult> ApplyCopyAsync(string setting, string? target = null, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
        var preview = (await PreviewCopyAsync(ct)).SingleOrDefault(p => p.Setting == setting && p.Target == target)
                      ?? throw new DomainRuleException("Error.NothingToCopy");
        if (preview.ErrorKey is { } key) throw new DomainRuleException(key);
        if (!preview.CanApply) throw new DomainRuleException("Error.NothingToCopy");
        await using var production = Open(PaymentEnvironment.Production);
        var (result, targetType, targetId) = setting switch
        {
            IpnSetting => await CopyIpnAsync(production, preview.Values[0], ct),
            LoginAppSetting => await CopyLoginAppAsync(production, Guid.Parse(target!), preview, ct),
            BannerSetting => await CopyBannerAsync(production, ct),
            _ => throw new DomainRuleException("Error.Generic"),
        };
        await audit.RecordAsync(new AuditRecord(CopiedAction, true, actor.UserId, actor.UserName, scope.MerchantId, PaymentEnvironment.Production,
            targetType, targetId, actor.IpAddress, $"from Sandbox: {setting}: {string.Join(", ", preview.Values)}"), ct);
        return result;
    }

    private async Task<(CopyResult, string, string)> CopyIpnAsync(DashboardDbContext production, string sandboxUrl, CancellationToken ct)
    {
        var url = IpnUrlValidator.Normalize(sandboxUrl, PaymentEnvironment.Production, ipnOptions.AllowedPorts);
        var endpoint = await production.IpnEndpoints.SingleOrDefaultAsync(ct);
        string? secret = null;
        if (endpoint is null)
        {
            secret = Secrets.New("ipnsec_live_");
            production.IpnEndpoints.Add(new IpnEndpoint(scope.MerchantId, PaymentEnvironment.Production, url,
                protector.Protect(SecretProtector.IpnSigningPurpose, secret), Secrets.Last4(secret), Now));
        }
        else
        {
            endpoint.ChangeUrl(url, Now);
        }
        await production.SaveChangesAsync(ct);
        return (new CopyResult(secret, null), "IpnEndpoint", url);
    }

    // The https origins and return URLs move, and the logo (the same bytes under a new stored name, so deleting one
    // view's logo never touches the other's file); an app of the same name in Production is updated, otherwise created
    // with its own client id and secret (credentials never move).
    private async Task<(CopyResult, string, string)> CopyLoginAppAsync(DashboardDbContext production, Guid sandboxAppId, CopyPreview preview, CancellationToken ct)
    {
        await using var sandbox = Open(PaymentEnvironment.Sandbox);
        var source = await sandbox.LoginApps.AsNoTracking().SingleAsync(a => a.Id == sandboxAppId, ct);
        var origins = Lines(source.AllowedOrigins).Where(IsHttps).ToList();
        var returns = Lines(source.ReturnUrls).Where(IsHttps).ToList();
        var existing = (await production.LoginApps.ToListAsync(ct)).FirstOrDefault(a => string.Equals(a.Name, source.Name, StringComparison.OrdinalIgnoreCase));
        string? secret = null;
        if (existing is null)
        {
            secret = Secrets.New("amzn1.oa2-cs.v1.");
            existing = new LoginApp(scope.MerchantId, PaymentEnvironment.Production,
                new LoginAppInput(source.Name, source.Description, source.PrivacyPolicyUrl, origins, returns),
                protector.Protect(LoginAppService.SecretPurpose, secret), Secrets.Last4(secret), Now);
            production.LoginApps.Add(existing);
        }
        else
        {
            existing.Update(new LoginAppInput(existing.Name, existing.Description, existing.PrivacyPolicyUrl, origins, returns), Now);
        }
        string? storedLogo = null, previousLogo = null;
        if (source.LogoStoredName is { } sourceLogo && source.LogoHash != existing.LogoHash)
        {
            storedLogo = await logos.WriteAsync(await ReadAllAsync(logos, sourceLogo, ct), source.LogoExtension!, ct);
            previousLogo = existing.ReplaceLogo(new UploadedImageInfo(source.LogoContentType!, source.LogoExtension!, 0, 0), source.LogoHash, storedLogo, Now);
        }
        try
        {
            await production.SaveChangesAsync(ct);
        }
        catch
        {
            logos.Delete(storedLogo);
            throw;
        }
        if (storedLogo is not null) logos.Delete(previousLogo);
        return (new CopyResult(secret, existing.ClientId), "LoginApp", existing.ClientId);
    }

    // The same bytes under a new stored name, so removing one view's banner never touches the other's file.
    private async Task<(CopyResult, string, string)> CopyBannerAsync(DashboardDbContext production, CancellationToken ct)
    {
        await using var sandbox = Open(PaymentEnvironment.Sandbox);
        var source = await sandbox.PopupBanners.AsNoTracking().SingleAsync(ct);
        var stored = await banners.WriteAsync(await ReadAllAsync(banners, source.StoredName, ct), source.Extension, ct);
        string? previous;
        try
        {
            var banner = await production.PopupBanners.SingleOrDefaultAsync(ct);
            if (banner is null) production.PopupBanners.Add(banner = new PopupBanner(scope.MerchantId, PaymentEnvironment.Production));
            previous = banner.Replace(new UploadedImageInfo(source.ContentType, source.Extension, source.Width, source.Height), source.ContentHash, stored,
                source.SizeBytes, actor.UserName ?? actor.UserId ?? "", Now);
            await production.SaveChangesAsync(ct);
        }
        catch
        {
            banners.Delete(stored);
            throw;
        }
        banners.Delete(previous);
        return (new CopyResult(null, null), "PopupBanner", source.ContentHash);
    }

    private static async Task<byte[]> ReadAllAsync(ImageFileStore files, string storedName, CancellationToken ct)
    {
        await using var file = files.OpenRead(storedName);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static (List<string> Moving, List<string> Staying) HttpsOnly(LoginApp app)
    {
        var all = Lines(app.AllowedOrigins).Concat(Lines(app.ReturnUrls)).ToList();
        return (all.Where(IsHttps).ToList(), all.Where(u => !IsHttps(u)).ToList());
    }

    private static List<string> Urls(LoginApp app) => Lines(app.AllowedOrigins).Concat(Lines(app.ReturnUrls)).ToList();

    private static IEnumerable<string> Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.Ordinal);

    private static string Describe(PopupBanner b) => $"{b.Width} × {b.Height} px, {b.ContentType}, SHA-256 {b.ContentHash[..12]}…";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
