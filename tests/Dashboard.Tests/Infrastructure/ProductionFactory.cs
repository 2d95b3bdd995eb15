namespace Dashboard.Tests.Infrastructure;

/// <summary>The portal as deployed: Production environment, no demo data.</summary>
public sealed class ProductionFactory : DashboardFactory
{
    protected override string EnvironmentName => "Production";

    protected override bool SeedDemoData => false;
}
