using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123061510_TestAccounts")]
public sealed class TestAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TestBuyers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MerchantId = table.Column<Guid>(nullable: false),
                Environment = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TestBuyers", x => x.Id);
                table.ForeignKey(name: "FK_TestBuyers_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TestInstruments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CardCode = table.Column<string>(maxLength: 20, nullable: false),
                Brand = table.Column<string>(maxLength: 30, nullable: false),
                Last4 = table.Column<string>(maxLength: 4, nullable: false),
                Kind = table.Column<int>(nullable: false),
                ExpiryMonth = table.Column<int>(nullable: false),
                ExpiryYear = table.Column<int>(nullable: false),
                BuyerId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TestInstruments", x => x.Id);
                table.ForeignKey(name: "FK_TestInstruments_TestBuyers_BuyerId", column: x => x.BuyerId, principalTable: "TestBuyers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TestShippingAddresses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                Line1 = table.Column<string>(maxLength: 120, nullable: false),
                PostalCode = table.Column<string>(maxLength: 120, nullable: false),
                City = table.Column<string>(maxLength: 120, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                BuyerId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TestShippingAddresses", x => x.Id);
                table.ForeignKey(name: "FK_TestShippingAddresses_TestBuyers_BuyerId", column: x => x.BuyerId, principalTable: "TestBuyers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_TestBuyers_MerchantId_Environment_Email", table: "TestBuyers", columns: new[] { "MerchantId", "Environment", "Email" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_TestInstruments_BuyerId", table: "TestInstruments", column: "BuyerId");
        migrationBuilder.CreateIndex(name: "IX_TestShippingAddresses_BuyerId", table: "TestShippingAddresses", column: "BuyerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TestShippingAddresses");
        migrationBuilder.DropTable(name: "TestInstruments");
        migrationBuilder.DropTable(name: "TestBuyers");
    }
}
