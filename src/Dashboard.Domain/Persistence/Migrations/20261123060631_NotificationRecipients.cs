using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123060631_NotificationRecipients")]
public sealed class NotificationRecipients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NotificationRecipients",
            columns: table => new
            {
                MerchantId = table.Column<Guid>(nullable: false),
                Category = table.Column<int>(nullable: false),
                Addresses = table.Column<string>(maxLength: 2550, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedByUserId = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationRecipients", x => new { x.MerchantId, x.Category });
                table.ForeignKey(name: "FK_NotificationRecipients_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "NotificationRecipients");
    }
}
