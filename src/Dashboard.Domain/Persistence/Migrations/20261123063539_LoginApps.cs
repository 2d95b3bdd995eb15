using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123063539_LoginApps")]
public sealed class LoginApps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LoginApps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                ApplicationId = table.Column<string>(maxLength: 64, nullable: false),
                ClientId = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                PrivacyPolicyUrl = table.Column<string>(maxLength: 2048, nullable: false),
                LogoUrl = table.Column<string>(maxLength: 2048, nullable: true),
                AllowedOrigins = table.Column<string>(nullable: false),
                ReturnUrls = table.Column<string>(nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 1000, nullable: false),
                SecretLast4 = table.Column<string>(maxLength: 4, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LoginApps", x => x.Id);
                table.ForeignKey(name: "FK_LoginApps_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_LoginApps_ClientId", table: "LoginApps", column: "ClientId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_LoginApps_MerchantId_Environment", table: "LoginApps", columns: new[] { "MerchantId", "Environment" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LoginApps");
    }
}
