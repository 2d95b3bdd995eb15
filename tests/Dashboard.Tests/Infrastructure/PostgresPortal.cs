using System.Net;
using Dashboard.Domain.Integration;
using Dashboard.Infrastructure.Ipn;
using Dashboard.Testing;
using Dashboard.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>One PostgreSQL server for the web tests that need it; each test class takes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A portal instance on a PostgreSQL database (Database:Provider=PostgreSQL), with its own data directory: start two on
/// one connection string to get two instances behind one load balancer. With <paramref name="ipnReceiverPort"/>, IPN
/// deliveries reach a loopback receiver on that port (the only way past the SSRF guard, as in IpnReceiverTests).
/// </summary>
public sealed class PostgresPortal(string connectionString, bool seedDemoData, int? ipnReceiverPort = null) : DashboardFactory
{
    protected override bool SeedDemoData => seedDemoData;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
        builder.UseSetting("Ipn:PollSeconds", "0.2");
        if (ipnReceiverPort is not { } port) return;
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IHostResolver>(new SsrfSafeIpnSenderTests.MapResolver(IPAddress.Loopback));
            services.AddSingleton(new IpnAddressAllowList([IPAddress.Loopback]));
            services.AddSingleton<IIpnSender>(sp => new IpnReceiverTests.HttpsToHttpSender(new SsrfSafeIpnSender(
                sp.GetRequiredService<IHostResolver>(), sp.GetRequiredService<IpnAddressAllowList>()), port));
        });
    }
}
