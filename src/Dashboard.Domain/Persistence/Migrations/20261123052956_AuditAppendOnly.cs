using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>LOG-03: the application cannot change or remove audit rows; the database refuses it.</summary>
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
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
        }
    }
}
