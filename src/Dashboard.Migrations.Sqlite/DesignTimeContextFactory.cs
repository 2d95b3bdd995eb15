using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.Sqlite;

/// <summary>dotnet-ef builds this project's migrations from the portal's context on Sqlite, without a database.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) => OfflineContext.Create(DatabaseProvider.Sqlite);
}
