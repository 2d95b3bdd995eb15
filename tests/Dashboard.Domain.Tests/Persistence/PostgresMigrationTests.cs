using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>The same hand-written migrations on PostgreSQL: the migrated schema equals the model's, and the audit
/// table is append-only there too.</summary>
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
