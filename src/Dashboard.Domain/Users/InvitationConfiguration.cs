using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Users;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Email).HasMaxLength(Common.EmailAddressRule.MaxLength).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.Property(i => i.Permissions).HasMaxLength(Invitation.PermissionsMaxLength).IsRequired();
        b.Property(i => i.Culture).HasMaxLength(8).IsRequired();
        b.Property(i => i.InvitedByUserId).HasMaxLength(450).IsRequired();
        b.Property(i => i.AcceptedUserId).HasMaxLength(450);
        b.HasIndex(i => new { i.MerchantId, i.Status });
        b.HasOne<Merchant>().WithMany().HasForeignKey(i => i.MerchantId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(i => i.Grant);
    }
}
