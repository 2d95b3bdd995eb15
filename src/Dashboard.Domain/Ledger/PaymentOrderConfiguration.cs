using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Ledger;

internal sealed class PaymentOrderConfiguration : IEntityTypeConfiguration<PaymentOrder>
{
    public void Configure(EntityTypeBuilder<PaymentOrder> b)
    {
        b.ToTable("PaymentOrders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.ProviderReferenceId).HasMaxLength(PaymentOrder.ReferenceMaxLength).IsRequired();
        b.Property(o => o.SellerOrderId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength).IsRequired();
        b.Property(o => o.BuyerName).HasMaxLength(PaymentOrder.BuyerNameMaxLength).IsRequired();
        b.Property(o => o.BuyerEmail).HasMaxLength(PaymentOrder.BuyerEmailMaxLength).IsRequired();
        b.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.FeeRate);
        b.Ignore(o => o.RemainingCapturable);
        b.Ignore(o => o.RemainingRefundable);
        b.HasIndex(o => new { o.MerchantId, o.Environment, o.ProviderReferenceId }).IsUnique();
        b.HasIndex(o => new { o.MerchantId, o.Environment, o.SellerOrderId });
        b.HasIndex(o => new { o.MerchantId, o.Environment, o.AuthorizationStatus, o.AuthorizationExpiresUtc });
        b.HasIndex(o => new { o.MerchantId, o.Environment, o.CreatedUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(o => o.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Transactions).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Transactions).HasField("_transactions");
    }
}

internal sealed class PaymentTransactionConfiguration : IEntityTypeConfiguration<PaymentTransaction>
{
    public void Configure(EntityTypeBuilder<PaymentTransaction> b)
    {
        b.ToTable("PaymentTransactions");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Currency).HasMaxLength(3).IsRequired();
        b.Property(t => t.SellerOrderId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength).IsRequired();
        b.Property(t => t.ProviderReferenceId).HasMaxLength(PaymentTransaction.ReferenceMaxLength).IsRequired();
        b.Property(t => t.ReasonCode).HasMaxLength(PaymentTransaction.ReasonCodeMaxLength);
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.ProviderReferenceId });
        // Serves the home figures (captures per day) and the transactions report.
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.Type, t.CompletedUtc });
        // Serves the settlement closer: completed, not yet settled.
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.SettlementId, t.Type, t.CompletedUtc });
        // Serve the transactions report: a date range, newest first, with or without a status filter.
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.CreatedUtc });
        b.HasIndex(t => new { t.MerchantId, t.Environment, t.Status, t.CreatedUtc });
        b.HasOne<Settlement>().WithMany().HasForeignKey(t => t.SettlementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcessedPaymentEventConfiguration : IEntityTypeConfiguration<ProcessedPaymentEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedPaymentEvent> b)
    {
        b.ToTable("ProcessedPaymentEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.EventId).HasMaxLength(ProcessedPaymentEvent.EventIdMaxLength).IsRequired();
        b.HasIndex(e => new { e.MerchantId, e.Environment, e.EventId }).IsUnique();
        b.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
