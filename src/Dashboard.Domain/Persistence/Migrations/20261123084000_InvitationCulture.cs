using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations;

/// <summary>The invitee's language, chosen by the inviter (the mail's language and the new profile's).</summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123084000_InvitationCulture")]
public sealed class InvitationCulture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Culture", table: "Invitations", maxLength: 8, nullable: false, defaultValue: "en");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Culture", table: "Invitations");
    }
}
