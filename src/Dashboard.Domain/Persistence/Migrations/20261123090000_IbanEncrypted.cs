using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>
/// The IBAN column now holds a Data Protection ciphertext (longer than an IBAN) and the masked form gets its own
/// column. Migrations cannot reach the key ring, so rows written before this one are encrypted at start-up
/// (<c>DatabaseInitializer</c> → <see cref="Merchants.AccountProfile.ProtectLegacyIban"/>): a row with an IBAN and
/// no mask is a plaintext row.
/// </summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123090000_IbanEncrypted")]
public sealed class IbanEncrypted : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite keeps no length on TEXT columns; other providers widen the column.
        if (!migrationBuilder.IsSqlite())
            migrationBuilder.AlterColumn<string>(name: "Iban", table: "AccountProfiles", maxLength: 512, nullable: true, oldMaxLength: 34, oldNullable: true);
        migrationBuilder.AddColumn<string>(name: "MaskedIban", table: "AccountProfiles", maxLength: 40, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "MaskedIban", table: "AccountProfiles");
    }
}
