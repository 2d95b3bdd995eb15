using System.Net;
using System.Text.Json;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Ipn;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>The running portal delivers real ledger notifications to a receiver on 127.0.0.1, signed and in order.</summary>
public sealed class IpnReceiverTests : IDisposable
{
    private readonly LoopbackReceiver receiver = new();
    private readonly ReceiverPortal portal;

    public IpnReceiverTests() => portal = new ReceiverPortal(receiver.Port);

    public void Dispose()
    {
        portal.Dispose();
        receiver.Dispose();
    }

    [Fact]
    public async Task Ledger_events_reach_the_merchants_endpoint_signed_and_in_order()
    {
        const string secret = "ipnsec_test_receiver-test-secret";
        var merchantId = await AddSandboxEndpointAsync(portal, receiver.Port, secret);
        // The receiver speaks plain HTTP on loopback; the portal's URL says https, so map the scheme in the sender.
        var ledger = new LedgerService(portal.Services.GetRequiredService<SystemDbContextFactory>(), TimeProvider.System);
        var order = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await ledger.ApplyAsync([
            new PaymentRequested(merchantId, PaymentEnvironment.Sandbox, "rcv-1", now, order, "S02-7777777-7777777", "RCV-1", "Test Buyer", "buyer@example.com", 4_200, "EUR"),
            new AuthorizationDecided(merchantId, PaymentEnvironment.Sandbox, "rcv-2", now, order, true),
            new CaptureRequested(merchantId, PaymentEnvironment.Sandbox, "rcv-3", now, order, 4_200, "EUR"),
            new RefundRequested(merchantId, PaymentEnvironment.Sandbox, "rcv-4", now, order, 1_000, "EUR"),
        ]);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Hits < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Equal(3, receiver.Hits);
        var types = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
        Assert.Equal(["payment.authorization.approved", "payment.capture", "payment.refund"], types);
        var nowUnix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(receiver.Received, r => Assert.True(IpnSigner.Verify(r.Headers[IpnSigner.Header], r.Body, secret, nowUnix)));
        Assert.All(receiver.Received, r => Assert.Equal(JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString(), r.Headers[IpnSigner.EventIdHeader]));
    }

    private sealed class ReceiverPortal(int port) : DashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Ipn:PollSeconds", "0.2");
            builder.ConfigureTestServices(services =>
            {
                // The only way past the SSRF guard: an injected resolver and allow-list, both loopback, in a test.
                services.AddSingleton<IHostResolver>(new SsrfSafeIpnSenderTests.MapResolver(IPAddress.Loopback));
                services.AddSingleton(new IpnAddressAllowList([IPAddress.Loopback]));
                services.AddSingleton<IIpnSender>(sp => new HttpsToHttpSender(new SsrfSafeIpnSender(
                    sp.GetRequiredService<IHostResolver>(), sp.GetRequiredService<IpnAddressAllowList>()), port));
            });
        }
    }

    /// <summary>Gives the French demo merchant's Sandbox an IPN endpoint at the loopback receiver; returns the merchant id.</summary>
    internal static async Task<Guid> AddSandboxEndpointAsync(DashboardFactory portal, int port, string secret)
    {
        var protector = portal.Services.GetRequiredService<SecretProtector>();
        await using var db = portal.SystemDb();
        var merchant = await db.Merchants.FirstAsync(m => m.CountryCode == "FR");
        db.IpnEndpoints.Add(new IpnEndpoint(merchant.Id, PaymentEnvironment.Sandbox, $"https://ipn.shop.example:{port}/ipn",
            protector.Protect(SecretProtector.IpnSigningPurpose, secret), "cret", DateTime.UtcNow));
        await db.SaveChangesAsync();
        return merchant.Id;
    }

    /// <summary>The test receiver has no certificate: rewrite https://…:port to http:// for that one port.</summary>
    internal sealed class HttpsToHttpSender(IIpnSender inner, int port) : IIpnSender
    {
        public Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct) =>
            inner.SendAsync(url.Replace($"https://ipn.shop.example:{port}", $"http://ipn.shop.example:{port}", StringComparison.Ordinal), body, headers, ct);
    }
}
