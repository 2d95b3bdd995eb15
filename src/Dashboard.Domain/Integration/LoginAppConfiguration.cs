using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Integration;

internal sealed class LoginAppConfiguration : IEntityTypeConfiguration<LoginApp>
{
    public void Configure(EntityTypeBuilder<LoginApp> b)
    {
        b.ToTable("LoginApps");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ApplicationId).HasMaxLength(64).IsRequired();
        b.Property(a => a.ClientId).HasMaxLength(64).IsRequired();
        b.Property(a => a.Name).HasMaxLength(LoginApp.NameMaxLength).IsRequired();
        b.Property(a => a.Description).HasMaxLength(LoginApp.DescriptionMaxLength).IsRequired();
        b.Property(a => a.PrivacyPolicyUrl).HasMaxLength(IpnUrlValidator.MaxLength).IsRequired();
        b.Property(a => a.LogoHash).HasMaxLength(PopupBanner.HashLength);
        b.Property(a => a.LogoContentType).HasMaxLength(PopupBanner.ContentTypeMaxLength);
        b.Property(a => a.LogoStoredName).HasMaxLength(PopupBanner.StoredNameMaxLength);
        b.Ignore(a => a.LogoExtension);
        b.Property(a => a.AllowedOrigins).IsRequired();
        b.Property(a => a.ReturnUrls).IsRequired();
        b.Property(a => a.ProtectedSecret).HasMaxLength(1000).IsRequired();
        b.Property(a => a.SecretLast4).HasMaxLength(4).IsRequired();
        b.HasIndex(a => a.ClientId).IsUnique();
        b.HasIndex(a => new { a.MerchantId, a.Environment });
        b.HasOne<Merchant>().WithMany().HasForeignKey(a => a.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}
