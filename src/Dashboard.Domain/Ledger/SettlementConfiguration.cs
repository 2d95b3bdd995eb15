using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Ledger;

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        b.ToTable("Settlements");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.SettlementReference).HasMaxLength(Settlement.ReferenceMaxLength).IsRequired();
        b.Property(s => s.Currency).HasMaxLength(3).IsRequired();
        b.Ignore(s => s.ReleasedIntoNext);
        b.HasIndex(s => new { s.MerchantId, s.Environment, s.SettlementReference }).IsUnique();
        b.HasIndex(s => new { s.MerchantId, s.Environment, s.Sequence }).IsUnique();
        b.HasIndex(s => new { s.MerchantId, s.Environment, s.PeriodEndUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SettlementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Lines).HasField("_lines");
    }
}

internal sealed class SettlementLineConfiguration : IEntityTypeConfiguration<SettlementLine>
{
    public void Configure(EntityTypeBuilder<SettlementLine> b)
    {
        b.ToTable("SettlementLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.TransactionType).HasMaxLength(SettlementLine.TypeMaxLength).IsRequired();
        b.Property(l => l.ProviderTransactionId).HasMaxLength(PaymentTransaction.ReferenceMaxLength);
        b.Property(l => l.SellerReferenceId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength);
        b.Property(l => l.OrderReferenceId).HasMaxLength(PaymentOrder.ReferenceMaxLength);
        b.Property(l => l.SellerOrderId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength);
        b.Property(l => l.CurrencyCode).HasMaxLength(3).IsRequired();
        b.HasIndex(l => new { l.MerchantId, l.Environment, l.TransactionPostedDateUtc });
        b.HasOne<PaymentTransaction>().WithMany().HasForeignKey(l => l.PaymentTransactionId).OnDelete(DeleteBehavior.Restrict);
    }
}
