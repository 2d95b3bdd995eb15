using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Merchants;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.ToTable("Merchants");
        b.HasKey(m => m.Id);
        b.Property(m => m.MerchantCode).HasMaxLength(Merchant.MerchantCodeLength).IsRequired();
        b.HasIndex(m => m.MerchantCode).IsUnique();
        b.Property(m => m.LegalName).HasMaxLength(Merchant.LegalNameMaxLength).IsRequired();
        b.Property(m => m.CountryCode).HasMaxLength(2).IsRequired();
        b.Property(m => m.Currency).HasMaxLength(3).IsRequired();
    }
}

internal sealed class MerchantMemberConfiguration : IEntityTypeConfiguration<MerchantMember>
{
    public void Configure(EntityTypeBuilder<MerchantMember> b)
    {
        b.ToTable("MerchantMembers");
        b.HasKey(m => m.Id);
        b.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(m => new { m.MerchantId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Merchant>().WithMany().HasForeignKey(m => m.MerchantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Users.DashboardUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Permissions).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Permissions).AutoInclude();
    }
}

internal sealed class MemberPermissionConfiguration : IEntityTypeConfiguration<MemberPermission>
{
    public void Configure(EntityTypeBuilder<MemberPermission> b)
    {
        b.ToTable("MemberPermissions");
        b.HasKey(p => new { p.MemberId, p.Section });
    }
}
