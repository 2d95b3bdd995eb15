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

    public ReadinessServiceTests()
    {
        readiness = new ReadinessService(f.Database.Options, f.Scope, f.Actor, f.StepUp, f.Protector, f.Audit, new IpnOptionsAccessor([443]), f.Clock);
        sandboxIpn = new IpnSettingsService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit, Options.Create(new IpnOptions()), f.Clock);
    }

    public void Dispose() => f.Dispose();

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
        Assert.Null(preview.ProductionValue);

        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => readiness.ApplyCopyAsync(ReadinessService.IpnSetting));
        f.StepUp.IsFresh = true;
        var secret = await readiness.ApplyCopyAsync(ReadinessService.IpnSetting);

        Assert.StartsWith("ipnsec_live_", secret);
        await using var db = f.Database.Create(MerchantScope.System);
        var production = await db.IpnEndpoints.SingleAsync(e => e.Environment == PaymentEnvironment.Production);
        Assert.Equal("https://shop.example/ipn", production.Url);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "integration.copied-to-production" && a.Environment == PaymentEnvironment.Production));
        Assert.False(Assert.Single(await readiness.PreviewCopyAsync()).CanApply);
    }
}
