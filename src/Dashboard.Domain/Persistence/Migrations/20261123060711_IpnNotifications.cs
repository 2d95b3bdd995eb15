using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123060711_IpnNotifications")]
public sealed class IpnNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IpnEndpoints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Url = table.Column<string>(maxLength: 2048, nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 1000, nullable: false),
                SecretLast4 = table.Column<string>(maxLength: 4, nullable: false),
                SecretCreatedUtc = table.Column<DateTime>(nullable: false),
                PreviousProtectedSecret = table.Column<string>(maxLength: 1000, nullable: true),
                PreviousSecretExpiresUtc = table.Column<DateTime>(nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                LastSuccessUtc = table.Column<DateTime>(nullable: true),
                LastFailureUtc = table.Column<DateTime>(nullable: true),
                ConsecutiveFailures = table.Column<int>(nullable: false),
                AlertSentUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IpnEndpoints", x => x.Id);
                table.ForeignKey(name: "FK_IpnEndpoints_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IpnNotifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                EventId = table.Column<string>(maxLength: 30, nullable: false),
                Type = table.Column<string>(maxLength: 64, nullable: false),
                Payload = table.Column<string>(nullable: false),
                IsTest = table.Column<bool>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                AttemptCount = table.Column<int>(nullable: false),
                NextAttemptUtc = table.Column<DateTime>(nullable: true),
                LastAttemptUtc = table.Column<DateTime>(nullable: true),
                DeliveredUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IpnNotifications", x => x.Id);
                table.ForeignKey(name: "FK_IpnNotifications_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IpnDeliveryAttempts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                NotificationId = table.Column<long>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Url = table.Column<string>(maxLength: 2048, nullable: false),
                AttemptedUtc = table.Column<DateTime>(nullable: false),
                StatusCode = table.Column<int>(nullable: true),
                LatencyMs = table.Column<int>(nullable: false),
                ResponseExcerpt = table.Column<string>(maxLength: 500, nullable: true),
                Error = table.Column<string>(maxLength: 200, nullable: true),
                Success = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IpnDeliveryAttempts", x => x.Id);
                table.ForeignKey(name: "FK_IpnDeliveryAttempts_IpnNotifications_NotificationId", column: x => x.NotificationId, principalTable: "IpnNotifications", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_IpnDeliveryAttempts_MerchantId_Environment_AttemptedUtc", table: "IpnDeliveryAttempts", columns: new[] { "MerchantId", "Environment", "AttemptedUtc" });
        migrationBuilder.CreateIndex(name: "IX_IpnDeliveryAttempts_NotificationId", table: "IpnDeliveryAttempts", column: "NotificationId");
        migrationBuilder.CreateIndex(name: "IX_IpnEndpoints_MerchantId_Environment", table: "IpnEndpoints", columns: new[] { "MerchantId", "Environment" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_IpnNotifications_EventId", table: "IpnNotifications", column: "EventId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_IpnNotifications_MerchantId_Environment_CreatedUtc", table: "IpnNotifications", columns: new[] { "MerchantId", "Environment", "CreatedUtc" });
        migrationBuilder.CreateIndex(name: "IX_IpnNotifications_Status_NextAttemptUtc", table: "IpnNotifications", columns: new[] { "Status", "NextAttemptUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IpnDeliveryAttempts");
        migrationBuilder.DropTable(name: "IpnNotifications");
        migrationBuilder.DropTable(name: "IpnEndpoints");
    }
}
