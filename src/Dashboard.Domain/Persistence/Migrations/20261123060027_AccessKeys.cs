using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123060027_AccessKeys")]
public sealed class AccessKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AccessKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                PublicId = table.Column<string>(maxLength: 24, nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 1000, nullable: false),
                SecretLast4 = table.Column<string>(maxLength: 4, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                LastUsedUtc = table.Column<DateTime>(nullable: true),
                ExpiresUtc = table.Column<DateTime>(nullable: true),
                RevokedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccessKeys", x => x.Id);
                table.ForeignKey(name: "FK_AccessKeys_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DelegatedTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: 80, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Last4 = table.Column<string>(maxLength: 4, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                RevokedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DelegatedTokens", x => x.Id);
                table.ForeignKey(name: "FK_DelegatedTokens_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_AccessKeys_MerchantId_Environment_CreatedUtc", table: "AccessKeys", columns: new[] { "MerchantId", "Environment", "CreatedUtc" });
        migrationBuilder.CreateIndex(name: "IX_AccessKeys_PublicId", table: "AccessKeys", column: "PublicId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_DelegatedTokens_MerchantId_Environment", table: "DelegatedTokens", columns: new[] { "MerchantId", "Environment" });
        migrationBuilder.CreateIndex(name: "IX_DelegatedTokens_TokenHash", table: "DelegatedTokens", column: "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DelegatedTokens");
        migrationBuilder.DropTable(name: "AccessKeys");
    }
}
