using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123062244_Reports")]
public sealed class Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SavedReportViews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Report = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Query = table.Column<string>(maxLength: 2000, nullable: false),
                Columns = table.Column<string>(maxLength: 500, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SavedReportViews", x => x.Id);
                table.ForeignKey(name: "FK_SavedReportViews_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_SavedReportViews_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_SavedReportViews_MerchantId", table: "SavedReportViews", column: "MerchantId");
        migrationBuilder.CreateIndex(name: "IX_SavedReportViews_UserId_MerchantId_Environment_Report_Name", table: "SavedReportViews", columns: new[] { "UserId", "MerchantId", "Environment", "Report", "Name" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SavedReportViews");
    }
}
