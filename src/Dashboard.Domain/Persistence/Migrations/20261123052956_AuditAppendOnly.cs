using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>LOG-03: the application cannot change or remove audit rows; the database refuses it (SQLite and
/// PostgreSQL triggers, chosen by the migration's provider).</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123052956_AuditAppendOnly")]
public sealed class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoDelete BEFORE DELETE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'AuditEvents is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
            // TRUNCATE skips row triggers; refuse it with a statement trigger.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEvents_AppendOnly"() CASCADE;""");
        }
    }
}
