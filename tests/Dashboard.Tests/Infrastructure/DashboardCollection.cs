namespace Dashboard.Tests.Infrastructure;

/// <summary>Tests that can share one portal instance (they only read, or write data of their own).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFactory>
{
    public const string Name = "Dashboard";
}
