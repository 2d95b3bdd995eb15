using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

[DbContext(typeof(DashboardDbContext))]
[Migration("20261123061159_AccountProfiles")]
public sealed class AccountProfiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AccountProfiles",
            columns: table => new
            {
                MerchantId = table.Column<Guid>(nullable: false),
                Phone = table.Column<string>(maxLength: 32, nullable: true),
                CustomerServiceEmail = table.Column<string>(maxLength: 254, nullable: true),
                StoreName = table.Column<string>(maxLength: 100, nullable: true),
                Iban = table.Column<string>(maxLength: 34, nullable: true),
                Bic = table.Column<string>(maxLength: 11, nullable: true),
                AccountHolder = table.Column<string>(maxLength: 100, nullable: true),
                CardBrand = table.Column<string>(maxLength: 32, nullable: true),
                CardLast4 = table.Column<string>(maxLength: 4, nullable: true),
                CardExpiryMonth = table.Column<int>(nullable: true),
                CardExpiryYear = table.Column<int>(nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                BusinessAddress_City = table.Column<string>(maxLength: 200, nullable: false),
                BusinessAddress_CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                BusinessAddress_Line1 = table.Column<string>(maxLength: 200, nullable: false),
                BusinessAddress_Line2 = table.Column<string>(maxLength: 200, nullable: true),
                BusinessAddress_Postcode = table.Column<string>(maxLength: 16, nullable: false),
                ReturnAddress_City = table.Column<string>(maxLength: 200, nullable: false),
                ReturnAddress_CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                ReturnAddress_Line1 = table.Column<string>(maxLength: 200, nullable: false),
                ReturnAddress_Line2 = table.Column<string>(maxLength: 200, nullable: true),
                ReturnAddress_Postcode = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccountProfiles", x => x.MerchantId);
                table.ForeignKey(name: "FK_AccountProfiles_Merchants_MerchantId", column: x => x.MerchantId, principalTable: "Merchants", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AccountProfiles");
    }
}
