using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Integration;

internal sealed class PopupBannerConfiguration : IEntityTypeConfiguration<PopupBanner>
{
    public void Configure(EntityTypeBuilder<PopupBanner> b)
    {
        b.ToTable("PopupBanners");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ContentHash).HasMaxLength(PopupBanner.HashLength).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(PopupBanner.ContentTypeMaxLength).IsRequired();
        b.Property(x => x.StoredName).HasMaxLength(PopupBanner.StoredNameMaxLength).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(PopupBanner.UploadedByMaxLength).IsRequired();
        b.Ignore(x => x.Extension);
        b.HasIndex(x => new { x.MerchantId, x.Environment }).IsUnique();
        b.HasOne<Merchant>().WithMany().HasForeignKey(x => x.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}
