using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123090210_NoticeReadsPerUser")]
public sealed class NoticeReadsPerUser : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Read state moves from the notice (one per merchant) to one row per user. The old merchant-wide marks cannot
        // be attributed to anyone, so every notice starts unread for every user.
        migrationBuilder.DropIndex(name: "IX_PerformanceNotices_MerchantId_Environment_ReadUtc_CreatedUtc", table: "PerformanceNotices");
        // Plain SQL: EF's SQLite DropColumn needs a model snapshot to rebuild the table; SQLite (3.35+) and PostgreSQL
        // both drop an unindexed column natively.
        migrationBuilder.Sql("""ALTER TABLE "PerformanceNotices" DROP COLUMN "ReadUtc";""");
        migrationBuilder.CreateIndex(name: "IX_PerformanceNotices_MerchantId_Environment_CreatedUtc", table: "PerformanceNotices", columns: new[] { "MerchantId", "Environment", "CreatedUtc" });

        migrationBuilder.CreateTable(
            name: "PerformanceNoticeReads",
            columns: table => new
            {
                NoticeId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                ReadUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PerformanceNoticeReads", x => new { x.NoticeId, x.UserId });
                table.ForeignKey(name: "FK_PerformanceNoticeReads_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PerformanceNoticeReads_PerformanceNotices_NoticeId", column: x => x.NoticeId, principalTable: "PerformanceNotices", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_PerformanceNoticeReads_UserId_MerchantId_Environment", table: "PerformanceNoticeReads", columns: new[] { "UserId", "MerchantId", "Environment" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PerformanceNoticeReads");
        migrationBuilder.DropIndex(name: "IX_PerformanceNotices_MerchantId_Environment_CreatedUtc", table: "PerformanceNotices");
        migrationBuilder.AddColumn<DateTime>(name: "ReadUtc", table: "PerformanceNotices", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_PerformanceNotices_MerchantId_Environment_ReadUtc_CreatedUtc", table: "PerformanceNotices", columns: new[] { "MerchantId", "Environment", "ReadUtc", "CreatedUtc" });
    }
}
