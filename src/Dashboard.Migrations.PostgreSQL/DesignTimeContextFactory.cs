using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.PostgreSQL;

/// <summary>dotnet-ef builds this project's migrations from the portal's context on PostgreSQL, without a database.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) => OfflineContext.Create(DatabaseProvider.PostgreSQL);
}
