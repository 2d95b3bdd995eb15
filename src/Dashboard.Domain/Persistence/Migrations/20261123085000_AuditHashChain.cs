using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>LOG-03: each audit row stores SHA-256 of the previous row's hash and its own content (tamper evidence).
/// Rows written before this migration stay unchained.</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123085000_AuditHashChain")]
public sealed class AuditHashChain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Hash", table: "AuditEvents", maxLength: 64, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Hash", table: "AuditEvents");
    }
}
