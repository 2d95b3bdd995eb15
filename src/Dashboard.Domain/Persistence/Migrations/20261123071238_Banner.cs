using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123071238_Banner")]
public sealed class Banner : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PopupBanners",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 20, nullable: false),
                StoredName = table.Column<string>(maxLength: 40, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PopupBanners", x => x.Id);
                table.ForeignKey(name: "FK_PopupBanners_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_PopupBanners_MerchantId_Environment", table: "PopupBanners", columns: new[] { "MerchantId", "Environment" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PopupBanners");
    }
}
