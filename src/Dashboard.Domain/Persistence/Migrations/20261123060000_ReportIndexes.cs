using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>The transactions report reads a date range newest first, optionally of one status (see bench/).</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123060000_ReportIndexes")]
public sealed class ReportIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_MerchantId_Environment_CreatedUtc", table: "PaymentTransactions", columns: new[] { "MerchantId", "Environment", "CreatedUtc" });
        migrationBuilder.CreateIndex(name: "IX_PaymentTransactions_MerchantId_Environment_Status_CreatedUtc", table: "PaymentTransactions", columns: new[] { "MerchantId", "Environment", "Status", "CreatedUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_PaymentTransactions_MerchantId_Environment_Status_CreatedUtc", table: "PaymentTransactions");
        migrationBuilder.DropIndex(name: "IX_PaymentTransactions_MerchantId_Environment_CreatedUtc", table: "PaymentTransactions");
    }
}
