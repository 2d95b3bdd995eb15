using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123054328_Ledger")]
public sealed class Ledger : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PaymentOrders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                SellerOrderId = table.Column<string>(maxLength: 64, nullable: false),
                ProviderReferenceId = table.Column<string>(maxLength: 19, nullable: false),
                BuyerName = table.Column<string>(maxLength: 200, nullable: false),
                BuyerEmail = table.Column<string>(maxLength: 254, nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                AuthorizedAmount = table.Column<long>(nullable: false),
                CapturedAmount = table.Column<long>(nullable: false),
                RefundedAmount = table.Column<long>(nullable: false),
                ChargebackAmount = table.Column<long>(nullable: false),
                FeeBasisPoints = table.Column<int>(nullable: false),
                FixedFee = table.Column<long>(nullable: false),
                AuthorizationStatus = table.Column<int>(nullable: false),
                DeclineReason = table.Column<int>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                AuthorizationExpiresUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentOrders", x => x.Id);
                table.ForeignKey(name: "FK_PaymentOrders_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProcessedPaymentEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                EventId = table.Column<string>(maxLength: 100, nullable: false),
                ProcessedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcessedPaymentEvents", x => x.Id);
                table.ForeignKey(name: "FK_ProcessedPaymentEvents_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Settlements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                SettlementReference = table.Column<string>(maxLength: 20, nullable: false),
                PeriodStartUtc = table.Column<DateTime>(nullable: false),
                PeriodEndUtc = table.Column<DateTime>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                OpeningBalance = table.Column<long>(nullable: false),
                CapturesTotal = table.Column<long>(nullable: false),
                RefundsTotal = table.Column<long>(nullable: false),
                FeesTotal = table.Column<long>(nullable: false),
                ChargebacksTotal = table.Column<long>(nullable: false),
                ReserveHeld = table.Column<long>(nullable: false),
                BalanceCarriedForward = table.Column<long>(nullable: false),
                PayoutAmount = table.Column<long>(nullable: false),
                PayoutDateUtc = table.Column<DateTime>(nullable: true),
                Status = table.Column<int>(nullable: false),
                ClosedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Settlements", x => x.Id);
                table.ForeignKey(name: "FK_Settlements_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PaymentTransactions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrderId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Type = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SellerOrderId = table.Column<string>(maxLength: 64, nullable: false),
                ProviderReferenceId = table.Column<string>(maxLength: 40, nullable: false),
                ReasonCode = table.Column<string>(maxLength: 40, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: true),
                PercentageFee = table.Column<long>(nullable: false),
                FixedFee = table.Column<long>(nullable: false),
                SettlementId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentTransactions", x => x.Id);
                table.ForeignKey(name: "FK_PaymentTransactions_PaymentOrders_OrderId", column: x => x.OrderId, principalTable: "PaymentOrders", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_PaymentTransactions_Settlements_SettlementId", column: x => x.SettlementId, principalTable: "Settlements", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SettlementLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SettlementId = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                TransactionPostedDateUtc = table.Column<DateTime>(nullable: false),
                ProviderTransactionId = table.Column<string>(maxLength: 40, nullable: true),
                SellerReferenceId = table.Column<string>(maxLength: 64, nullable: true),
                TransactionType = table.Column<string>(maxLength: 32, nullable: false),
                OrderReferenceId = table.Column<string>(maxLength: 19, nullable: true),
                SellerOrderId = table.Column<string>(maxLength: 64, nullable: true),
                TransactionAmount = table.Column<long>(nullable: false),
                TransactionPercentageFee = table.Column<long>(nullable: false),
                TransactionFixedFee = table.Column<long>(nullable: false),
                TotalTransactionFee = table.Column<long>(nullable: false),
                NetTransactionAmount = table.Column<long>(nullable: false),
                CurrencyCode = table.Column<string>(maxLength: 3, nullable: false),
                PaymentTransactionId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SettlementLines", x => x.Id);
                table.ForeignKey(name: "FK_SettlementLines_PaymentTransactions_PaymentTransactionId", column: x => x.PaymentTransactionId, principalTable: "PaymentTransactions", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SettlementLines_Settlements_SettlementId", column: x => x.SettlementId, principalTable: "Settlements", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_PaymentOrders_MerchantId_Environment_AuthorizationStatus_AuthorizationExpiresUtc", table: "PaymentOrders", columns: new[] { "MerchantId", "Environment", "AuthorizationStatus", "AuthorizationExpiresUtc" });
        migrationBuilder.CreateIndex(name: "IX_PaymentOrders_MerchantId_Environment_CreatedUtc", table: "PaymentOrders", columns: new[] { "MerchantId", "Environment", "CreatedUtc" });
        migrationBuilder.CreateIndex(name: "IX_PaymentOrders_MerchantId_Environment_ProviderReferenceId", table: "PaymentOrders", columns: new[] { "MerchantId", "Environment", "ProviderReferenceId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PaymentOrders_MerchantId_Environment_SellerOrderId", table: "PaymentOrders", columns: new[] { "MerchantId", "Environment", "SellerOrderId" });
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_MerchantId_Environment_ProviderReferenceId", table: "PaymentTransactions", columns: new[] { "MerchantId", "Environment", "ProviderReferenceId" });
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_MerchantId_Environment_SettlementId_Type_CompletedUtc", table: "PaymentTransactions", columns: new[] { "MerchantId", "Environment", "SettlementId", "Type", "CompletedUtc" });
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_MerchantId_Environment_Type_CompletedUtc", table: "PaymentTransactions", columns: new[] { "MerchantId", "Environment", "Type", "CompletedUtc" });
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_OrderId", table: "PaymentTransactions", column: "OrderId");
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_SettlementId", table: "PaymentTransactions", column: "SettlementId");
        migrationBuilder.CreateIndex(name: "IX_ProcessedPaymentEvents_MerchantId_Environment_EventId", table: "ProcessedPaymentEvents", columns: new[] { "MerchantId", "Environment", "EventId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_SettlementLines_MerchantId_Environment_TransactionPostedDateUtc", table: "SettlementLines", columns: new[] { "MerchantId", "Environment", "TransactionPostedDateUtc" });
        migrationBuilder.CreateIndex(name: "IX_SettlementLines_PaymentTransactionId", table: "SettlementLines", column: "PaymentTransactionId");
        migrationBuilder.CreateIndex(name: "IX_SettlementLines_SettlementId", table: "SettlementLines", column: "SettlementId");
        migrationBuilder.CreateIndex(name: "IX_Settlements_MerchantId_Environment_PeriodEndUtc", table: "Settlements", columns: new[] { "MerchantId", "Environment", "PeriodEndUtc" });
        migrationBuilder.CreateIndex(name: "IX_Settlements_MerchantId_Environment_Sequence", table: "Settlements", columns: new[] { "MerchantId", "Environment", "Sequence" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_Settlements_MerchantId_Environment_SettlementReference", table: "Settlements", columns: new[] { "MerchantId", "Environment", "SettlementReference" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SettlementLines");
        migrationBuilder.DropTable(name: "PaymentTransactions");
        migrationBuilder.DropTable(name: "Settlements");
        migrationBuilder.DropTable(name: "ProcessedPaymentEvents");
        migrationBuilder.DropTable(name: "PaymentOrders");
    }
}
