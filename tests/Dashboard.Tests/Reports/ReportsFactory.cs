using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dashboard.Tests.Reports;

/// <summary>The portal with 20 days of demo activity: enough for the first (14-day) settlement and a few daily ones to close.</summary>
public sealed class ReportsFactory : DashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dashboard:DemoDays", "20");
    }
}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsFactory>
{
    public const string Name = "Reports";
}
