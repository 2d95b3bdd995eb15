using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Persistence;

public sealed class MigrationTests
{
    internal static DashboardDbContext Open(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connection).Options, MerchantScope.System);

    [Fact]
    public void The_migrated_schema_equals_the_model()
    {
        using var migrated = new SqliteConnection("DataSource=:memory:");
        migrated.Open();
        using (var db = Open(migrated)) db.Database.Migrate();

        using var created = new SqliteConnection("DataSource=:memory:");
        created.Open();
        using (var db = Open(created)) db.Database.EnsureCreated();

        var fromMigrations = SqliteSchema.Describe(migrated);
        var fromModel = SqliteSchema.Describe(created);
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Write a migration (see MigrationScaffolder). Missing from migrations:\n  " + string.Join("\n  ", missing) +
            "\nOnly in migrations:\n  " + string.Join("\n  ", extra));
    }

    [Fact]
    public void Audit_events_cannot_be_updated_or_deleted()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var db = Open(connection);
        db.Database.Migrate();
        db.AuditEvents.Add(new Dashboard.Domain.Audit.AuditEvent(new Dashboard.Domain.Audit.AuditRecord("test.event", true), DateTime.UtcNow));
        db.SaveChanges();

        var update = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("UPDATE AuditEvents SET Success = 0"));
        Assert.Contains("append-only", update.Message);
        Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM AuditEvents"));
        Assert.Equal(1, db.AuditEvents.Count(e => e.Success));
    }
}
