using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Persistence;

public sealed class MigrationTests
{
    internal static DashboardDbContext Open(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly(DatabaseProvider.Sqlite.MigrationsAssembly())).Options, MerchantScope.System);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void Every_model_change_has_a_migration(DatabaseProvider provider)
    {
        using var db = OfflineContext.Create(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {provider}: see README, \"Working on it\" (dotnet ef migrations add).");
    }

    [Fact]
    public void The_migrated_schema_equals_the_model()
    {
        using var migrated = new SqliteConnection("DataSource=:memory:");
        migrated.Open();
        using (var db = Open(migrated)) DatabaseMigrator.Migrate(db);

        using var created = new SqliteConnection("DataSource=:memory:");
        created.Open();
        using (var db = Open(created)) db.Database.EnsureCreated();

        var fromMigrations = SqliteSchema.Describe(migrated);
        var fromModel = SqliteSchema.Describe(created);
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Missing from migrations:\n  " + string.Join("\n  ", missing) + "\nOnly in migrations:\n  " + string.Join("\n  ", extra));
    }

    [Fact]
    public void Audit_events_cannot_be_updated_or_deleted()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var db = Open(connection);
        DatabaseMigrator.Migrate(db);
        db.AuditEvents.Add(new Dashboard.Domain.Audit.AuditEvent(new Dashboard.Domain.Audit.AuditRecord("test.event", true), DateTime.UtcNow));
        db.SaveChanges();

        var update = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("UPDATE AuditEvents SET Success = 0"));
        Assert.Contains("append-only", update.Message);
        Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM AuditEvents"));
        Assert.Equal(1, db.AuditEvents.Count(e => e.Success));
    }

    /// <summary>The fixture is a demo database made by the portal of 2026-12-06 while its migrations were still written
    /// by hand (30 demo days: users, orders, transactions, settlements, claims, chargebacks).</summary>
    [Fact]
    public void A_database_made_by_the_hand_written_chain_upgrades_with_every_row_kept()
    {
        var file = Path.Combine(Path.GetTempPath(), $"handwritten-{Guid.NewGuid():N}.db");
        try
        {
            using (var input = new GZipStream(File.OpenRead(Fixture("handwritten-chain-demo.db.gz")), CompressionMode.Decompress))
            using (var output = File.Create(file))
                input.CopyTo(output);

            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            var before = Contents(connection);
            Assert.True(before["PaymentTransactions"].Rows > 1000 && before["Settlements"].Rows > 10 && before["GuaranteeClaims"].Rows > 0,
                "the fixture holds demo data");
            Assert.Contains(DatabaseMigrator.LastHandWritten, History(connection));

            using (var db = Open(connection)) DatabaseMigrator.Migrate(db);
            using (var db = Open(connection)) DatabaseMigrator.Migrate(db); // a second start changes nothing

            Assert.Equal(before, Contents(connection));
            using (var db = Open(connection))
            {
                Assert.Empty(db.Database.GetPendingMigrations());
                Assert.Equal(before["PaymentTransactions"].Rows, db.PaymentTransactions.IgnoreQueryFilters().Count());
                Assert.Equal(before["AspNetUsers"].Rows, db.Users.Count());
            }

            using var fresh = new SqliteConnection("DataSource=:memory:");
            fresh.Open();
            using (var db = Open(fresh)) DatabaseMigrator.Migrate(db);
            Assert.Equal(SqliteSchema.Describe(fresh), SqliteSchema.Describe(connection));
            Assert.Equal(SqliteSchema.Triggers(fresh), SqliteSchema.Triggers(connection));

            // Writes work on the upgraded file, and it still refuses audit changes.
            using (var db = Open(connection))
            {
                db.AuditEvents.Add(new Dashboard.Domain.Audit.AuditEvent(new Dashboard.Domain.Audit.AuditRecord("test.upgraded", true), DateTime.UtcNow));
                db.SaveChanges();
            }
            Assert.Throws<SqliteException>(() => new SqliteCommand("DELETE FROM AuditEvents", connection).ExecuteNonQuery());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void A_database_stopped_part_way_through_the_hand_written_chain_is_refused_with_a_message()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        new SqliteCommand("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261123052955_Initial', '10.0.14');
            """, connection).ExecuteNonQuery();

        using var db = Open(connection);
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseMigrator.Migrate(db));
        Assert.Contains(DatabaseMigrator.LastHandWritten, refused.Message);
        Assert.Equal(["20261123052955_Initial"], History(connection));
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    private static List<string> History(SqliteConnection connection) =>
        SqliteSchema.Rows(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId").Select(r => r[0]).ToList();

    /// <summary>Each table's row count and a hash of all its values (rows in a stable order).</summary>
    private static Dictionary<string, TableContents> Contents(SqliteConnection connection) =>
        SqliteSchema.Tables(connection).ToDictionary(t => t, t =>
        {
            var rows = SqliteSchema.Rows(connection, $"SELECT * FROM \"{t}\"").Select(r => string.Join('\u001f', r)).Order(StringComparer.Ordinal).ToList();
            return new TableContents(rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
        });

    private sealed record TableContents(int Rows, string Hash);
}
