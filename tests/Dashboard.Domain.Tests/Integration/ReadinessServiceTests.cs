using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Tests.Integration;

public sealed class ReadinessServiceTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly ReadinessService readiness;
    private readonly IpnSettingsService sandboxIpn;

    private readonly string fileDirectory = Path.Combine(Path.GetTempPath(), "readiness-" + Guid.NewGuid().ToString("N"));

    public ReadinessServiceTests()
    {
        readiness = new ReadinessService(f.Database.Options, f.Scope, f.Actor, f.StepUp, f.Protector, f.Audit, new IpnOptionsAccessor([443]),
            new BannerFiles(fileDirectory), new LoginAppLogoFiles(Path.Combine(fileDirectory, "logos")), f.Clock);
        sandboxIpn = new IpnSettingsService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit, Options.Create(new IpnOptions()), f.Clock);
    }

    public void Dispose()
    {
        f.Dispose();
        if (Directory.Exists(fileDirectory)) Directory.Delete(fileDirectory, recursive: true);
    }

    private LoginAppService LoginApps(PaymentEnvironment environment) => new(f.Database.Factory(new MerchantScope(f.Merchant.Id, environment)), f.Actor,
        f.StepUp, f.Protector, f.Audit, new LoginAppLogoFiles(Path.Combine(fileDirectory, "logos")), f.Clock);

    [Fact]
    public async Task The_checklist_shows_what_production_still_misses()
    {
        await f.Keys.CreateAsync("Shop");
        var items = await readiness.ChecklistAsync();
        var key = items.Single(i => i.Check == ReadinessCheck.AccessKey);
        Assert.True(key.SandboxDone);
        Assert.False(key.ProductionDone);
        Assert.True(key.NeededForProduction);
    }

    [Fact]
    public async Task A_localhost_endpoint_cannot_move_to_production()
    {
        await sandboxIpn.SaveUrlAsync("http://localhost:8080/ipn");
        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.Equal("Error.UrlLocalhostSandboxOnly", preview.ErrorKey);
        await Assert.ThrowsAsync<DomainRuleException>(() => readiness.ApplyCopyAsync(ReadinessService.IpnSetting));
    }

    [Fact]
    public async Task Copying_the_endpoint_creates_productions_own_secret_and_is_audited()
    {
        await sandboxIpn.SaveUrlAsync("https://shop.example/ipn");
        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.True(preview.CanApply);
        Assert.Null(preview.Current);

        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => readiness.ApplyCopyAsync(ReadinessService.IpnSetting));
        f.StepUp.IsFresh = true;
        var secret = (await readiness.ApplyCopyAsync(ReadinessService.IpnSetting)).Secret;

        Assert.StartsWith("ipnsec_live_", secret);
        await using var db = f.Database.Create(MerchantScope.System);
        var production = await db.IpnEndpoints.SingleAsync(e => e.Environment == PaymentEnvironment.Production);
        Assert.Equal("https://shop.example/ipn", production.Url);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "integration.copied-to-production" && a.Environment == PaymentEnvironment.Production));
        Assert.False(Assert.Single(await readiness.PreviewCopyAsync()).CanApply);
    }

    [Fact]
    public async Task A_login_app_moves_with_its_https_urls_only_and_gets_its_own_client_id()
    {
        var sandboxApp = (await LoginApps(PaymentEnvironment.Sandbox).RegisterAsync(new LoginAppInput("Boutique", "Our shop", "https://shop.example/privacy",
            ["https://shop.example", "http://localhost:3000"], ["https://shop.example/cb", "http://localhost:3000/cb"]))).App;

        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.Equal((ReadinessService.LoginAppSetting, sandboxApp.Id.ToString(), "Boutique"), (preview.Setting, preview.Target, preview.Name));
        Assert.Equal(["https://shop.example", "https://shop.example/cb"], preview.Values);
        Assert.Equal(["http://localhost:3000", "http://localhost:3000/cb"], preview.Staying);
        Assert.Null(preview.Current);

        f.Actor.Level = PermissionLevel.View;
        await Assert.ThrowsAsync<ForbiddenException>(() => readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, preview.Target));
        f.Actor.Level = PermissionLevel.Edit;
        var result = await readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, preview.Target);

        var production = Assert.Single(await LoginApps(PaymentEnvironment.Production).ListAsync());
        Assert.Equal(("Boutique", result.PublicId), (production.Name, production.ClientId));
        Assert.NotEqual(sandboxApp.ClientId, production.ClientId);
        Assert.StartsWith("amzn1.oa2-cs.v1.", result.Secret);
        Assert.Equal(["https://shop.example"], production.AllowedOrigins);
        Assert.Equal(["https://shop.example/cb"], production.ReturnUrls);
        Assert.False(Assert.Single(await readiness.PreviewCopyAsync()).CanApply);
        await Assert.ThrowsAsync<DomainRuleException>(() => readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, preview.Target));
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == ReadinessService.CopiedAction && a.TargetId == production.ClientId));
    }

    [Fact]
    public async Task An_existing_production_app_of_the_same_name_only_gets_the_new_urls()
    {
        var sandbox = LoginApps(PaymentEnvironment.Sandbox);
        var app = (await sandbox.RegisterAsync(new LoginAppInput("Boutique", "Our shop", "https://shop.example/privacy", ["https://shop.example"], []))).App;
        await readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, app.Id.ToString());
        var clientId = Assert.Single(await LoginApps(PaymentEnvironment.Production).ListAsync()).ClientId;

        await sandbox.UpdateAsync(app.Id, new LoginAppInput("Boutique", "Our shop", "https://shop.example/privacy", ["https://shop.example", "https://m.shop.example"], []));
        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.Equal(["https://shop.example"], preview.Current);
        var result = await readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, app.Id.ToString());

        Assert.Null(result.Secret);
        var production = Assert.Single(await LoginApps(PaymentEnvironment.Production).ListAsync());
        Assert.Equal(clientId, production.ClientId);
        Assert.Equal(["https://shop.example", "https://m.shop.example"], production.AllowedOrigins);
    }

    [Fact]
    public async Task An_app_whose_privacy_policy_is_only_on_localhost_cannot_be_created_in_production()
    {
        await LoginApps(PaymentEnvironment.Sandbox).RegisterAsync(new LoginAppInput("Dev", "Local", "http://localhost:3000/privacy", ["http://localhost:3000"], []));
        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.Equal("Error.UrlHttpsOnly", preview.ErrorKey);
        Assert.Empty(preview.Values);
        await Assert.ThrowsAsync<DomainRuleException>(() => readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, preview.Target));
        Assert.Empty(await LoginApps(PaymentEnvironment.Production).ListAsync());
    }

    [Fact]
    public async Task The_banner_moves_as_the_same_image_in_a_file_of_its_own()
    {
        var banners = new BannerService(f.Database.Factory(f.Scope), f.Actor, new BannerFiles(fileDirectory), f.Audit, f.Clock);
        var uploaded = await banners.UploadAsync(new MemoryStream(BannerImageTests.Png(640, 120)));
        var preview = Assert.Single(await readiness.PreviewCopyAsync());
        Assert.Equal(ReadinessService.BannerSetting, preview.Setting);
        Assert.Null(preview.Current);

        await readiness.ApplyCopyAsync(ReadinessService.BannerSetting);

        await using var db = f.Database.Create(MerchantScope.System);
        var copies = await db.PopupBanners.OrderBy(b => b.Environment).ToListAsync();
        Assert.Equal([PaymentEnvironment.Sandbox, PaymentEnvironment.Production], copies.Select(b => b.Environment));
        Assert.All(copies, b => Assert.Equal(uploaded.ContentHash, b.ContentHash));
        Assert.NotEqual(copies[0].StoredName, copies[1].StoredName);
        Assert.Equal(2, Directory.GetFiles(fileDirectory).Length);
        Assert.False(Assert.Single(await readiness.PreviewCopyAsync()).CanApply);
    }

    [Fact]
    public async Task A_login_apps_logo_is_copied_as_its_own_file_and_deleting_the_sandbox_logo_leaves_productions()
    {
        var sandbox = LoginApps(PaymentEnvironment.Sandbox);
        var app = (await sandbox.RegisterAsync(new LoginAppInput("Boutique", "Our shop", "https://shop.example/privacy", ["https://shop.example"], []))).App;
        var png = BannerImageTests.Png(200, 200);
        var withLogo = await sandbox.UploadLogoAsync(app.Id, new MemoryStream(png));

        await readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, app.Id.ToString());
        var production = LoginApps(PaymentEnvironment.Production);
        var copied = Assert.Single(await production.ListAsync());
        Assert.NotNull(copied.LogoPath);
        Assert.EndsWith(withLogo.LogoPath![withLogo.LogoPath!.LastIndexOf('/')..], copied.LogoPath, StringComparison.Ordinal); // same content hash
        Assert.Equal(2, Directory.GetFiles(Path.Combine(fileDirectory, "logos")).Length);

        // Removing the Sandbox logo deletes only the Sandbox file; Production's logo still reads back the same bytes.
        await sandbox.RemoveLogoAsync(app.Id);
        var left = Assert.Single(Directory.GetFiles(Path.Combine(fileDirectory, "logos")));
        Assert.Equal(png, await File.ReadAllBytesAsync(left));

        // Copying again with nothing changed writes no new file.
        await sandbox.UpdateAsync(app.Id, new LoginAppInput("Boutique", "Our shop", "https://shop.example/privacy", ["https://shop.example", "https://m.shop.example"], []));
        await readiness.ApplyCopyAsync(ReadinessService.LoginAppSetting, app.Id.ToString());
        Assert.NotNull(Assert.Single(await production.ListAsync()).LogoPath);
        Assert.Single(Directory.GetFiles(Path.Combine(fileDirectory, "logos")));
    }
}
