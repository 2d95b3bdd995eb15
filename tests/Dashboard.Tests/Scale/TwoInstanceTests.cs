using System.Net;
using System.Text.Json;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Infrastructure.Data;
using Dashboard.Testing;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Integration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerCentral.Samples;

namespace Dashboard.Tests.Scale;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind a load balancer: they share sign-ins (the Data
/// Protection key ring is in the database), encrypted secrets, and the IPN outbox (each notification leaves once).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTests : IDisposable
{
    private readonly LoopbackReceiver receiver = new();
    private readonly PostgresPortal a;
    private readonly PostgresPortal b;

    public TwoInstanceTests(PostgresServer server)
    {
        var database = server.CreateDatabase("two_instances");
        a = new PostgresPortal(database, seedDemoData: true, receiver.Port);
        _ = a.Services;   // A migrates and seeds first, then B starts on the same database.
        b = new PostgresPortal(database, seedDemoData: false, receiver.Port);
        _ = b.Services;
    }

    public void Dispose()
    {
        a.Dispose();
        b.Dispose();
        receiver.Dispose();
    }

    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        using var clientA = a.CreateHttpsClient();
        var signIn = await Forms.SignInAsync(clientA, DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal)).Split(';')[0];

        using var clientB = b.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var response = await clientB.SendAsync(home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoDataSeeder.Accountant.DisplayName, await response.Content.ReadAsStringAsync());

        // Without the cookie, B sends the visitor to sign in: the page above was the user's, not a public one.
        var anonymous = await clientB.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_access_key_secret_encrypted_by_one_instance_verifies_a_signed_request_on_the_other()
    {
        var protector = a.Services.GetRequiredService<SecretProtector>();
        var secret = Secrets.New($"sk_{Secrets.EnvironmentTag(PaymentEnvironment.Sandbox)}_");
        AccessKey key;
        await using (var db = a.SystemDb())
        {
            var merchant = await db.Merchants.FirstAsync(m => m.CountryCode == "FR");
            key = new AccessKey(merchant.Id, PaymentEnvironment.Sandbox, "two instances", protector.Protect(SecretProtector.AccessKeyPurpose, secret), secret[^4..], "test", DateTime.UtcNow);
            db.AccessKeys.Add(key);
            await db.SaveChangesAsync();
        }

        var timestamp = RequestSigning.Timestamp(DateTime.UtcNow);
        var canonical = RequestSigning.CanonicalString("GET", "/api/v1/settlements", new Dictionary<string, string>(), timestamp, []);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/settlements");
        request.Headers.Add(RequestSigning.DateHeader, timestamp);
        request.Headers.TryAddWithoutValidation("Authorization", RequestSigning.AuthorizationHeader(key.PublicId, RequestSigning.Sign(secret, canonical)));
        using var clientB = b.CreateHttpsClient();
        var response = await clientB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_IPN_is_delivered_exactly_once_while_both_instances_dispatch()
    {
        const string secret = "ipnsec_test_two-instances-secret";
        // The endpoint's secret is encrypted by B; A's and B's dispatchers both read it.
        var merchantId = await IpnReceiverTests.AddSandboxEndpointAsync(b, receiver.Port, secret);
        var ledger = new LedgerService(a.Services.GetRequiredService<SystemDbContextFactory>(), TimeProvider.System);
        const int orders = 10;
        var now = DateTime.UtcNow;
        for (var i = 0; i < orders; i++)
        {
            var order = Guid.NewGuid();
            await ledger.ApplyAsync([
                new PaymentRequested(merchantId, PaymentEnvironment.Sandbox, $"two-{i}-r", now, order, $"S02-{7000000 + i}-7777777", $"TWO-{i}", "Test Buyer", "buyer@example.com", 4_200, "EUR"),
                new AuthorizationDecided(merchantId, PaymentEnvironment.Sandbox, $"two-{i}-a", now, order, true),
                new CaptureRequested(merchantId, PaymentEnvironment.Sandbox, $"two-{i}-c", now, order, 4_200, "EUR"),
            ]);
        }

        // Both instances poll every 0.2 s; wait until everything is delivered, then a little longer for any duplicate.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Hits < 2 * orders && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var ids = receiver.Received.Select(r => r.Headers[IpnSigner.EventIdHeader]).ToList();
        Assert.Equal(2 * orders, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var nowUnix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(receiver.Received, r => Assert.True(IpnSigner.Verify(r.Headers[IpnSigner.Header], r.Body, secret, nowUnix)));
        Assert.All(receiver.Received, r => Assert.Equal(JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString(), r.Headers[IpnSigner.EventIdHeader]));
    }
}
