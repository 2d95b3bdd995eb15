using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>Settlements carry their A-to-z claim total beside chargebacks; closed ones are filled from their lines.</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123084000_SettlementClaimsTotal")]
public sealed class SettlementClaimsTotal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "ClaimsTotal", table: "Settlements", nullable: false, defaultValue: 0L);
        // Plain SQL that SQLite and PostgreSQL both accept.
        migrationBuilder.Sql("""
            UPDATE "Settlements" SET "ClaimsTotal" = COALESCE((SELECT SUM(l."TransactionAmount") FROM "SettlementLines" l
                WHERE l."SettlementId" = "Settlements"."Id"
                  AND l."TransactionType" IN ('A-to-z Guarantee Claim', 'A-to-z Guarantee Claim Reversal')), 0)
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ClaimsTotal", table: "Settlements");
    }
}
