using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Integration;

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> b)
    {
        b.ToTable("AccessKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicId).HasMaxLength(AccessKey.PublicIdLength).IsRequired();
        b.Property(k => k.Name).HasMaxLength(AccessKey.NameMaxLength).IsRequired();
        b.Property(k => k.ProtectedSecret).HasMaxLength(1000).IsRequired();
        b.Property(k => k.SecretLast4).HasMaxLength(4).IsRequired();
        b.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(k => k.PublicId).IsUnique();
        b.HasIndex(k => new { k.MerchantId, k.Environment, k.CreatedUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DelegatedTokenConfiguration : IEntityTypeConfiguration<DelegatedToken>
{
    public void Configure(EntityTypeBuilder<DelegatedToken> b)
    {
        b.ToTable("DelegatedTokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Label).HasMaxLength(DelegatedToken.LabelMaxLength).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.Last4).HasMaxLength(4).IsRequired();
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.MerchantId, t.Environment });
        b.HasOne<Merchant>().WithMany().HasForeignKey(t => t.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}
