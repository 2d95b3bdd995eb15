using System.Net;
using System.Text.Json;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerCentral.Samples;

namespace Dashboard.Tests.Integration;

[Collection(DashboardCollection.Name)]
public sealed class ReportsApiTests(DashboardFactory portal)
{
    [Fact]
    public async Task A_signed_request_reads_only_its_keys_merchant_and_environment()
    {
        var key = await KeyAsync(PaymentEnvironment.Sandbox);
        var response = await SendAsync(key, "/api/v1/transactions", new() { ["pageSize"] = "200" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await using var db = portal.SystemDb();
        var expected = await db.PaymentTransactions.CountAsync(t => t.MerchantId == key.MerchantId && t.Environment == PaymentEnvironment.Sandbox);
        Assert.True(expected > 0);
        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var owners = await db.PaymentTransactions.Where(t => ids.Contains(t.Id)).Select(t => new { t.MerchantId, t.Environment }).Distinct().ToListAsync();
        Assert.Equal(new { MerchantId = key.MerchantId, Environment = PaymentEnvironment.Sandbox }, Assert.Single(owners));
        Assert.NotNull((await db.AccessKeys.SingleAsync(k => k.PublicId == key.PublicId)).LastUsedUtc);
    }

    [Fact]
    public async Task A_sandbox_key_cannot_read_a_production_settlement_report()
    {
        var key = await KeyAsync(PaymentEnvironment.Sandbox);
        await using var db = portal.SystemDb();
        var production = await SettlementAsync(key.MerchantId, PaymentEnvironment.Production);
        var sandbox = await db.Settlements.FirstOrDefaultAsync(s => s.MerchantId == key.MerchantId && s.Environment == PaymentEnvironment.Sandbox
                                                                    && s.SettlementReference == production.SettlementReference);

        var response = await SendAsync(key, $"/api/v1/settlements/{production.SettlementReference}/report", []);

        if (sandbox is null) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        else Assert.DoesNotContain("environment=\"Production\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_settlement_report_is_xml()
    {
        var key = await KeyAsync(PaymentEnvironment.Production);
        await using var db = portal.SystemDb();
        var settlement = await SettlementAsync(key.MerchantId, PaymentEnvironment.Production);
        var response = await SendAsync(key, $"/api/v1/settlements/{settlement.SettlementReference}/report", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(settlement.SettlementReference, xml.Root!.Attribute("reference")!.Value);
    }

    [Fact]
    public async Task Stale_timestamps_unknown_keys_wrong_secrets_and_revoked_keys_are_refused()
    {
        var key = await KeyAsync(PaymentEnvironment.Sandbox);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(key, "/api/v1/settlements", [], skew: TimeSpan.FromMinutes(-16))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(key with { PublicId = "AKTESTUNKNOWN0000000000" }, "/api/v1/settlements", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(key with { Secret = key.Secret + "x" }, "/api/v1/settlements", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(key, "/api/v1/settlements", [], skew: TimeSpan.FromMinutes(-14))).StatusCode);

        await using (var db = portal.SystemDb())
        {
            (await db.AccessKeys.SingleAsync(k => k.PublicId == key.PublicId)).Revoke(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(key, "/api/v1/settlements", [])).StatusCode);

        using var client = portal.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/settlements")).StatusCode);
        await using var check = portal.SystemDb();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == IntegrationAuditActions.KeyVerificationFailed && e.TargetId == key.PublicId));
    }

    [Fact]
    public async Task The_published_csharp_sample_works_against_the_live_api()
    {
        var key = await KeyAsync(PaymentEnvironment.Sandbox);
        using var http = portal.CreateHttpsClient();
        var client = new SellerCentralClient(http, key.PublicId, key.Secret);

        var body = await client.GetAsync("/api/v1/transactions", new Dictionary<string, string> { ["type"] = "Capture", ["pageSize"] = "5" });

        using var json = JsonDocument.Parse(body);
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("Capture", i.GetProperty("type").GetString()));
        // The page shows the very same file.
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("SellerCentralClient.cs")!;
        Assert.Contains("class SellerCentralClient", await new StreamReader(stream).ReadToEndAsync());
    }

    /// <summary>The demo data is younger than the first 14-day period: close it as if two weeks had passed.</summary>
    private async Task<Settlement> SettlementAsync(Guid merchantId, PaymentEnvironment environment)
    {
        await using (var db = portal.SystemDb())
        {
            if (await db.Settlements.FirstOrDefaultAsync(s => s.MerchantId == merchantId && s.Environment == environment) is { } existing) return existing;
        }
        var service = new SettlementService(portal.Services.GetRequiredService<Dashboard.Infrastructure.Data.SystemDbContextFactory>(), TimeProvider.System);
        return (await service.CloseDueSettlementsAsync(merchantId, environment, DateTime.UtcNow.AddDays(15)))[0];
    }

    private sealed record TestKey(Guid MerchantId, string PublicId, string Secret);

    private async Task<TestKey> KeyAsync(PaymentEnvironment environment)
    {
        var protector = portal.Services.GetRequiredService<SecretProtector>();
        await using var db = portal.SystemDb();
        var merchant = await db.Merchants.OrderBy(m => m.CreatedUtc).FirstAsync(m => m.CountryCode == "FR");
        var secret = Secrets.New($"sk_{Secrets.EnvironmentTag(environment)}_");
        var key = new AccessKey(merchant.Id, environment, "api test", protector.Protect(SecretProtector.AccessKeyPurpose, secret), secret[^4..], "test", DateTime.UtcNow);
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync();
        return new TestKey(merchant.Id, key.PublicId, secret);
    }

    private async Task<HttpResponseMessage> SendAsync(TestKey key, string path, Dictionary<string, string> query, TimeSpan? skew = null)
    {
        var timestamp = RequestSigning.Timestamp(DateTime.UtcNow + (skew ?? TimeSpan.Zero));
        var canonical = RequestSigning.CanonicalString("GET", path, query, timestamp, []);
        var qs = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, path + (qs.Length > 0 ? "?" + qs : ""));
        request.Headers.Add(RequestSigning.DateHeader, timestamp);
        request.Headers.TryAddWithoutValidation("Authorization", RequestSigning.AuthorizationHeader(key.PublicId, RequestSigning.Sign(key.Secret, canonical)));
        using var client = portal.CreateHttpsClient();
        return await client.SendAsync(request);
    }
}
