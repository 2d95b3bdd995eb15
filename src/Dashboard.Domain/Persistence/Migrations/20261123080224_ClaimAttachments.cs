using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123080224_ClaimAttachments")]
public sealed class ClaimAttachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ClaimAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClaimId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 128, nullable: false),
                StoredName = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 32, nullable: false),
                FileSize = table.Column<long>(nullable: false),
                AddedBy = table.Column<string>(maxLength: 256, nullable: false),
                AddedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClaimAttachments", x => x.Id);
                table.ForeignKey(name: "FK_ClaimAttachments_GuaranteeClaims_ClaimId", column: x => x.ClaimId, principalTable: "GuaranteeClaims", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ClaimAttachments_ClaimId", table: "ClaimAttachments", column: "ClaimId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ClaimAttachments");
    }
}
