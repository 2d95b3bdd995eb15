using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>Login-app logos are uploaded and served by the portal (hash, type, stored name) instead of a typed URL.</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123083000_LoginAppLogos")]
public sealed class LoginAppLogos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Without a model snapshot EF's SQLite provider cannot rebuild the table for DropColumn; plain ALTER TABLE … DROP
        // COLUMN works on SQLite (3.35+) and PostgreSQL alike.
        migrationBuilder.Sql("ALTER TABLE \"LoginApps\" DROP COLUMN \"LogoUrl\";");
        migrationBuilder.AddColumn<string>(name: "LogoHash", table: "LoginApps", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(name: "LogoContentType", table: "LoginApps", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "LogoStoredName", table: "LoginApps", maxLength: 40, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LogoHash", table: "LoginApps");
        migrationBuilder.DropColumn(name: "LogoContentType", table: "LoginApps");
        migrationBuilder.DropColumn(name: "LogoStoredName", table: "LoginApps");
        migrationBuilder.AddColumn<string>(name: "LogoUrl", table: "LoginApps", maxLength: 2048, nullable: true);
    }
}
