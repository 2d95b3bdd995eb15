using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.TestAccounts;

internal sealed class TestBuyerConfiguration : IEntityTypeConfiguration<TestBuyer>
{
    public void Configure(EntityTypeBuilder<TestBuyer> b)
    {
        b.ToTable("TestBuyers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(TestBuyer.NameMaxLength).IsRequired();
        b.Property(t => t.Email).HasMaxLength(TestBuyer.EmailMaxLength).IsRequired();
        b.Property(t => t.PasswordHash).HasMaxLength(200).IsRequired();
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.Email }).IsUnique();
        b.HasOne<Merchant>().WithMany().HasForeignKey(t => t.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(t => t.Instruments, i =>
        {
            i.ToTable("TestInstruments");
            i.WithOwner().HasForeignKey("BuyerId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.CardCode).HasMaxLength(20).IsRequired();
            i.Property(x => x.Brand).HasMaxLength(30).IsRequired();
            i.Property(x => x.Last4).HasMaxLength(4).IsRequired();
        });
        b.Navigation(t => t.Instruments).HasField("_instruments");
        b.OwnsMany(t => t.Addresses, a =>
        {
            a.ToTable("TestShippingAddresses");
            a.WithOwner().HasForeignKey("BuyerId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Name).HasMaxLength(TestShippingAddress.FieldMaxLength).IsRequired();
            a.Property(x => x.Line1).HasMaxLength(TestShippingAddress.FieldMaxLength).IsRequired();
            a.Property(x => x.PostalCode).HasMaxLength(TestShippingAddress.FieldMaxLength).IsRequired();
            a.Property(x => x.City).HasMaxLength(TestShippingAddress.FieldMaxLength).IsRequired();
            a.Property(x => x.CountryCode).HasMaxLength(2).IsRequired();
        });
        b.Navigation(t => t.Addresses).HasField("_addresses");
    }
}
