using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123060457_Performance")]
public sealed class Performance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Written by hand: the scaffolder only creates new tables.
        migrationBuilder.AddColumn<long>(name: "ClaimDebitedAmount", table: "PaymentOrders", nullable: false, defaultValue: 0L);

        migrationBuilder.CreateTable(
            name: "PerformanceNotices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Type = table.Column<int>(nullable: false),
                Category = table.Column<int>(nullable: false),
                Severity = table.Column<int>(nullable: false),
                DedupKey = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 100, nullable: true),
                RelatedId = table.Column<Guid>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ReadUtc = table.Column<DateTime>(nullable: true),
                MailedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PerformanceNotices", x => x.Id);
                table.ForeignKey(name: "FK_PerformanceNotices_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PerformanceSettings",
            columns: table => new
            {
                MerchantId = table.Column<Guid>(nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                ClaimResponseDays = table.Column<int>(nullable: false),
                ChargebackResponseDays = table.Column<int>(nullable: false),
                ChargebackEvidenceDays = table.Column<int>(nullable: false),
                DefectRateThresholdBasisPoints = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PerformanceSettings", x => x.MerchantId);
                table.ForeignKey(name: "FK_PerformanceSettings_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Chargebacks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                OrderId = table.Column<Guid>(nullable: false),
                SellerOrderId = table.Column<string>(maxLength: 64, nullable: false),
                ChargebackReference = table.Column<string>(maxLength: 40, nullable: false),
                Network = table.Column<string>(maxLength: 16, nullable: false),
                ReasonCode = table.Column<string>(maxLength: 16, nullable: false),
                ReasonDescription = table.Column<string>(maxLength: 200, nullable: false),
                DisputeType = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                DisputedAmount = table.Column<long>(nullable: false),
                Fee = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                FiledUtc = table.Column<DateTime>(nullable: false),
                RespondByUtc = table.Column<DateTime>(nullable: false),
                EvidenceDueUtc = table.Column<DateTime>(nullable: false),
                ResponseText = table.Column<string>(maxLength: 20000, nullable: true),
                DraftSavedUtc = table.Column<DateTime>(nullable: true),
                DraftSavedBy = table.Column<string>(maxLength: 256, nullable: true),
                RespondedUtc = table.Column<DateTime>(nullable: true),
                RespondedBy = table.Column<string>(maxLength: 256, nullable: true),
                SubmissionId = table.Column<Guid>(nullable: true),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                DebitedAmount = table.Column<long>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Chargebacks", x => x.Id);
                table.ForeignKey(name: "FK_Chargebacks_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_Chargebacks_PaymentOrders_OrderId", column: x => x.OrderId, principalTable: "PaymentOrders", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "GuaranteeClaims",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                OrderId = table.Column<Guid>(nullable: false),
                SellerOrderId = table.Column<string>(maxLength: 64, nullable: false),
                ClaimReference = table.Column<string>(maxLength: 40, nullable: false),
                Reason = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                ClaimedAmount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                BuyerStatement = table.Column<string>(maxLength: 4000, nullable: false),
                FiledUtc = table.Column<DateTime>(nullable: false),
                RespondByUtc = table.Column<DateTime>(nullable: false),
                RefundedAmount = table.Column<long>(nullable: false),
                ResponseText = table.Column<string>(maxLength: 4000, nullable: true),
                ShippedOnUtc = table.Column<DateTime>(nullable: true),
                Carrier = table.Column<string>(maxLength: 64, nullable: true),
                TrackingNumber = table.Column<string>(maxLength: 64, nullable: true),
                DraftSavedUtc = table.Column<DateTime>(nullable: true),
                DraftSavedBy = table.Column<string>(maxLength: 256, nullable: true),
                RespondedUtc = table.Column<DateTime>(nullable: true),
                RespondedBy = table.Column<string>(maxLength: 256, nullable: true),
                SubmissionId = table.Column<Guid>(nullable: true),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                AppealByUtc = table.Column<DateTime>(nullable: true),
                DebitedAmount = table.Column<long>(nullable: false),
                DebitedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GuaranteeClaims", x => x.Id);
                table.ForeignKey(name: "FK_GuaranteeClaims_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_GuaranteeClaims_PaymentOrders_OrderId", column: x => x.OrderId, principalTable: "PaymentOrders", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ChargebackEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChargebackId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: true),
                FileName = table.Column<string>(maxLength: 128, nullable: true),
                StoredName = table.Column<string>(maxLength: 64, nullable: true),
                ContentType = table.Column<string>(maxLength: 32, nullable: true),
                FileSize = table.Column<long>(nullable: true),
                AddedBy = table.Column<string>(maxLength: 256, nullable: false),
                AddedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChargebackEvidence", x => x.Id);
                table.ForeignKey(name: "FK_ChargebackEvidence_Chargebacks_ChargebackId", column: x => x.ChargebackId, principalTable: "Chargebacks", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ChargebackEvidence_ChargebackId", table: "ChargebackEvidence", column: "ChargebackId");
        migrationBuilder.CreateIndex(name: "IX_Chargebacks_MerchantId_Environment_FiledUtc", table: "Chargebacks", columns: new[] { "MerchantId", "Environment", "FiledUtc" });
        migrationBuilder.CreateIndex(name: "IX_Chargebacks_MerchantId_Environment_OrderId", table: "Chargebacks", columns: new[] { "MerchantId", "Environment", "OrderId" });
        migrationBuilder.CreateIndex(name: "IX_Chargebacks_MerchantId_Environment_Status_RespondByUtc", table: "Chargebacks", columns: new[] { "MerchantId", "Environment", "Status", "RespondByUtc" });
        migrationBuilder.CreateIndex(name: "IX_Chargebacks_OrderId", table: "Chargebacks", column: "OrderId");
        migrationBuilder.CreateIndex(name: "IX_GuaranteeClaims_MerchantId_Environment_FiledUtc", table: "GuaranteeClaims", columns: new[] { "MerchantId", "Environment", "FiledUtc" });
        migrationBuilder.CreateIndex(name: "IX_GuaranteeClaims_MerchantId_Environment_OrderId", table: "GuaranteeClaims", columns: new[] { "MerchantId", "Environment", "OrderId" });
        migrationBuilder.CreateIndex(name: "IX_GuaranteeClaims_MerchantId_Environment_Status_RespondByUtc", table: "GuaranteeClaims", columns: new[] { "MerchantId", "Environment", "Status", "RespondByUtc" });
        migrationBuilder.CreateIndex(name: "IX_GuaranteeClaims_OrderId", table: "GuaranteeClaims", column: "OrderId");
        migrationBuilder.CreateIndex(name: "IX_PerformanceNotices_MailedUtc", table: "PerformanceNotices", column: "MailedUtc");
        migrationBuilder.CreateIndex(name: "IX_PerformanceNotices_MerchantId_Environment_DedupKey", table: "PerformanceNotices", columns: new[] { "MerchantId", "Environment", "DedupKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PerformanceNotices_MerchantId_Environment_ReadUtc_CreatedUtc", table: "PerformanceNotices", columns: new[] { "MerchantId", "Environment", "ReadUtc", "CreatedUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ChargebackEvidence");
        migrationBuilder.DropTable(name: "GuaranteeClaims");
        migrationBuilder.DropTable(name: "Chargebacks");
        migrationBuilder.DropTable(name: "PerformanceSettings");
        migrationBuilder.DropTable(name: "PerformanceNotices");
        migrationBuilder.DropColumn(name: "ClaimDebitedAmount", table: "PaymentOrders");
    }
}
