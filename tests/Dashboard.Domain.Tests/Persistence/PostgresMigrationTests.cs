using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>PostgreSQL's own migration chain: the migrated schema equals the model's, the audit table is append-only,
/// and a database made by the earlier hand-written chain upgrades with every row kept.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public void The_migrated_schema_equals_the_model_on_PostgreSQL()
    {
        output.WriteLine($"PostgreSQL started in {server.StartupTime.TotalMilliseconds:F0} ms on port {server.Port}");
        var migrated = new PostgresDatabase(server, "schema_migrated");
        var created = new PostgresDatabase(server, "schema_created", migrate: false);
        using (var db = created.Create(MerchantScope.System)) db.Database.EnsureCreated();

        var fromMigrations = PostgresSchema.Describe(migrated.ConnectionString);
        var fromModel = PostgresSchema.Describe(created.ConnectionString);
        Assert.Contains(fromModel, l => l.StartsWith("column AuditEvents.Id bigint() nullable=NO identity=YES", StringComparison.Ordinal));
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Missing from migrations:\n  " + string.Join("\n  ", missing) + "\nOnly in migrations:\n  " + string.Join("\n  ", extra));
    }

    /// <summary>The fixture is pg_dump of a demo database made by the portal of 2026-12-06 while its migrations were
    /// still written by hand (30 demo days).</summary>
    [Fact]
    public void A_database_made_by_the_hand_written_chain_upgrades_with_every_row_kept_on_PostgreSQL()
    {
        var upgraded = new PostgresDatabase(server, "handwritten_upgrade", migrate: false);
        server.Restore(upgraded.ConnectionString, MigrationTests.Fixture("handwritten-chain-demo.pg.sql.gz"));
        var before = Contents(upgraded.ConnectionString);
        Assert.True(before["PaymentTransactions"].Rows > 1000 && before["Settlements"].Rows > 10 && before["DataProtectionKeys"].Rows > 0,
            "the fixture holds demo data");

        using (var db = upgraded.Create(MerchantScope.System)) DatabaseMigrator.Migrate(db);
        using (var db = upgraded.Create(MerchantScope.System)) DatabaseMigrator.Migrate(db);

        Assert.Equal(before, Contents(upgraded.ConnectionString));
        using (var db = upgraded.Create(MerchantScope.System))
        {
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(before["Settlements"].Rows, db.Settlements.IgnoreQueryFilters().Count());
        }
        var fresh = new PostgresDatabase(server, "handwritten_fresh");
        var missing = PostgresSchema.Describe(fresh.ConnectionString).Except(PostgresSchema.Describe(upgraded.ConnectionString)).ToList();
        var extra = PostgresSchema.Describe(upgraded.ConnectionString).Except(PostgresSchema.Describe(fresh.ConnectionString)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Missing after the upgrade:\n  " + string.Join("\n  ", missing) + "\nOnly in the upgraded database:\n  " + string.Join("\n  ", extra));
        Assert.Equal(PostgresSchema.Triggers(fresh.ConnectionString), PostgresSchema.Triggers(upgraded.ConnectionString));
    }

    /// <summary>Each table's row count and a hash of its rows (as PostgreSQL's text form, in a stable order).</summary>
    private static Dictionary<string, (long Rows, string Hash)> Contents(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var tables = SqliteSchema.Rows(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'");
        return tables.ToDictionary(t => t[0], t =>
        {
            var row = SqliteSchema.Rows(connection, $"SELECT count(*), coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM \"{t[0]}\" r")[0];
            return (long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture), row[1]);
        });
    }

    [Fact]
    public void Audit_events_cannot_be_updated_deleted_or_truncated_on_PostgreSQL()
    {
        var database = new PostgresDatabase(server, "audit_append_only");
        using var db = database.Create(MerchantScope.System);
        db.AuditEvents.Add(new AuditEvent(new AuditRecord("test.event", true), DateTime.UtcNow));
        db.SaveChanges();

        var update = Assert.Throws<PostgresException>(() => db.Database.ExecuteSqlRaw("""UPDATE "AuditEvents" SET "Success" = false"""));
        Assert.Contains("append-only", update.MessageText);
        Assert.Throws<PostgresException>(() => db.Database.ExecuteSqlRaw("""DELETE FROM "AuditEvents" """));
        Assert.Throws<PostgresException>(() => db.Database.ExecuteSqlRaw("""TRUNCATE "AuditEvents" """));
        Assert.Equal(1, db.AuditEvents.Count(e => e.Success));
    }
}
