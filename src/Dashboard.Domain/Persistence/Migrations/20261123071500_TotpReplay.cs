using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>AUTH-04: the last accepted authenticator time step per user (single-use TOTP codes).</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123071500_TotpReplay")]
public sealed class TotpReplay : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "LastTotpTimeStep", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LastTotpTimeStep", table: "AspNetUsers");
    }
}
