using Dashboard.Domain.Integration;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations (creating the SQLite file in WAL mode on first run) and, when configured, seeds the
    /// demo merchants, users and activity.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<SystemDbContextFactory>().CreateDbContext())
        {
            if (db.Database.IsSqlite()) CreateSqliteFile(db.Database.GetConnectionString()!);
            await DatabaseMigrator.MigrateAsync(db);
            if (db.Database.IsSqlite())
            {
                // REL-01: WAL lets readers work while one writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await LegacyIbans.ProtectAsync(db, scope.ServiceProvider.GetRequiredService<SecretProtector>());
        }

        var settings = scope.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (settings.SeedDemoData)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            await seeder.SeedAsync(settings.DemoDays, app.Lifetime.ApplicationStopping);
        }
    }

    /// <summary>The portal opens its SQLite file with Mode=ReadWrite (a vanished file must not silently become a new,
    /// empty database), so the first run creates it here.</summary>
    private static void CreateSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.ReadWrite || builder.DataSource is ":memory:" or "") return;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
    }
}
