using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>A won appeal gives a granted claim's debit back: the claim records what was reversed and when.</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123083000_ClaimReversal")]
public sealed class ClaimReversal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "ReversedAmount", table: "GuaranteeClaims", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<DateTime>(name: "ReversedUtc", table: "GuaranteeClaims", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ReversedUtc", table: "GuaranteeClaims");
        migrationBuilder.DropColumn(name: "ReversedAmount", table: "GuaranteeClaims");
    }
}
