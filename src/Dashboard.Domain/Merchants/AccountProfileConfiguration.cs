using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Merchants;

internal sealed class AccountProfileConfiguration : IEntityTypeConfiguration<AccountProfile>
{
    public void Configure(EntityTypeBuilder<AccountProfile> b)
    {
        b.ToTable("AccountProfiles");
        b.HasKey(p => p.MerchantId);
        b.HasOne<Merchant>().WithOne().HasForeignKey<AccountProfile>(p => p.MerchantId).OnDelete(DeleteBehavior.Cascade);
        b.ComplexProperty(p => p.BusinessAddress, Address);
        b.ComplexProperty(p => p.ReturnAddress, Address);
        b.Property(p => p.Phone).HasMaxLength(32);
        b.Property(p => p.CustomerServiceEmail).HasMaxLength(Common.EmailAddressRule.MaxLength);
        b.Property(p => p.StoreName).HasMaxLength(AccountProfile.ShortTextMaxLength);
        b.Property(p => p.ProtectedIban).HasColumnName("Iban").HasMaxLength(512);
        b.Property(p => p.MaskedIban).HasMaxLength(40);
        b.Property(p => p.Bic).HasMaxLength(11);
        b.Property(p => p.AccountHolder).HasMaxLength(AccountProfile.ShortTextMaxLength);
        b.Property(p => p.CardBrand).HasMaxLength(32);
        b.Property(p => p.CardLast4).HasMaxLength(4);
        b.Ignore(p => p.HasBankAccount);
        b.Ignore(p => p.BankSummary);
    }

    private static void Address(ComplexPropertyBuilder<PostalAddress> a)
    {
        a.Property(x => x.Line1).HasMaxLength(PostalAddress.LineMaxLength).IsRequired();
        a.Property(x => x.Line2).HasMaxLength(PostalAddress.LineMaxLength);
        a.Property(x => x.City).HasMaxLength(PostalAddress.LineMaxLength).IsRequired();
        a.Property(x => x.Postcode).HasMaxLength(16).IsRequired();
        a.Property(x => x.CountryCode).HasMaxLength(2).IsRequired();
        a.Ignore(x => x.IsEmpty);
    }
}
