using Dashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Persistence;

/// <summary>The portal's context on an engine, with a connection string that is never opened: what dotnet-ef builds
/// the model with (adding a migration, checking for pending model changes) and what the model tests compare.</summary>
public static class OfflineContext
{
    public static DashboardDbContext Create(DatabaseProvider provider) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseDashboardDatabase(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=offline").Options,
            MerchantScope.System);
}
