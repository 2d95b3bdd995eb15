using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>AUTH-04: a merchant can require two-factor sign-in for every member.</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123081000_RequireTwoFactor")]
public sealed class RequireTwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "RequireTwoFactor", table: "Merchants", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "RequireTwoFactor", table: "Merchants");
    }
}
