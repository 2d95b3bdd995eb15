using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Chargebacks;

internal sealed class ChargebackConfiguration : IEntityTypeConfiguration<Chargeback>
{
    public void Configure(EntityTypeBuilder<Chargeback> b)
    {
        b.ToTable("Chargebacks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.SellerOrderId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength).IsRequired();
        b.Property(c => c.ChargebackReference).HasMaxLength(Chargeback.ReferenceMaxLength).IsRequired();
        b.Property(c => c.Network).HasMaxLength(Chargeback.ReasonCodeMaxLength).IsRequired();
        b.Property(c => c.ReasonCode).HasMaxLength(Chargeback.ReasonCodeMaxLength).IsRequired();
        b.Property(c => c.ReasonDescription).HasMaxLength(Chargeback.ReasonMaxLength).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        b.Property(c => c.ResponseText).HasMaxLength(Chargeback.ResponseMaxLength);
        b.Property(c => c.DraftSavedBy).HasMaxLength(Chargeback.ActorMaxLength);
        b.Property(c => c.RespondedBy).HasMaxLength(Chargeback.ActorMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.Status, c.RespondByUtc });
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.OrderId });
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.FiledUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PaymentOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.ChargebackId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Evidence).HasField("_evidence");
    }
}

internal sealed class ChargebackEvidenceConfiguration : IEntityTypeConfiguration<ChargebackEvidence>
{
    public void Configure(EntityTypeBuilder<ChargebackEvidence> b)
    {
        b.ToTable("ChargebackEvidence");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Text).HasMaxLength(ChargebackEvidence.TextMaxLength);
        b.Property(e => e.FileName).HasMaxLength(ChargebackEvidence.FileNameMaxLength);
        b.Property(e => e.StoredName).HasMaxLength(ChargebackEvidence.StoredNameMaxLength);
        b.Property(e => e.ContentType).HasMaxLength(ChargebackEvidence.ContentTypeMaxLength);
        b.Property(e => e.AddedBy).HasMaxLength(Chargeback.ActorMaxLength).IsRequired();
    }
}
