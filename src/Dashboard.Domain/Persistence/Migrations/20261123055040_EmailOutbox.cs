using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123055040_EmailOutbox")]
public sealed class EmailOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EmailMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: true),
                Recipient = table.Column<string>(maxLength: 320, nullable: false),
                Culture = table.Column<string>(maxLength: 10, nullable: false),
                TemplateKey = table.Column<string>(maxLength: 64, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                Body = table.Column<string>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SentUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EmailMessages", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_EmailMessages_MerchantId_CreatedUtc", table: "EmailMessages", columns: new[] { "MerchantId", "CreatedUtc" });
        migrationBuilder.CreateIndex(name: "IX_EmailMessages_Status_NextAttemptUtc", table: "EmailMessages", columns: new[] { "Status", "NextAttemptUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EmailMessages");
    }
}
