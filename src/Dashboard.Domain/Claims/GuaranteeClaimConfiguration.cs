using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Claims;

internal sealed class GuaranteeClaimConfiguration : IEntityTypeConfiguration<GuaranteeClaim>
{
    public void Configure(EntityTypeBuilder<GuaranteeClaim> b)
    {
        b.ToTable("GuaranteeClaims");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.SellerOrderId).HasMaxLength(PaymentOrder.SellerOrderIdMaxLength).IsRequired();
        b.Property(c => c.ClaimReference).HasMaxLength(GuaranteeClaim.ReferenceMaxLength).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        b.Property(c => c.BuyerStatement).HasMaxLength(GuaranteeClaim.StatementMaxLength).IsRequired();
        b.Property(c => c.ResponseText).HasMaxLength(GuaranteeClaim.ResponseMaxLength);
        b.Property(c => c.Carrier).HasMaxLength(GuaranteeClaim.CarrierMaxLength);
        b.Property(c => c.TrackingNumber).HasMaxLength(GuaranteeClaim.TrackingMaxLength);
        b.Property(c => c.DraftSavedBy).HasMaxLength(GuaranteeClaim.ActorMaxLength);
        b.Property(c => c.RespondedBy).HasMaxLength(GuaranteeClaim.ActorMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.OutstandingAmount);
        b.Ignore(c => c.ReversibleAmount);
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.Status, c.RespondByUtc });
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.OrderId });
        b.HasIndex(c => new { c.MerchantId, c.Environment, c.FiledUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PaymentOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Attachments).HasField("_attachments");
    }
}

internal sealed class ClaimAttachmentConfiguration : IEntityTypeConfiguration<ClaimAttachment>
{
    public void Configure(EntityTypeBuilder<ClaimAttachment> b)
    {
        b.ToTable("ClaimAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(EvidenceFiles.FileNameMaxLength).IsRequired();
        b.Property(a => a.StoredName).HasMaxLength(EvidenceFiles.StoredNameMaxLength).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(EvidenceFiles.ContentTypeMaxLength).IsRequired();
        b.Property(a => a.AddedBy).HasMaxLength(GuaranteeClaim.ActorMaxLength).IsRequired();
    }
}

internal sealed class PerformanceSettingsConfiguration : IEntityTypeConfiguration<PerformanceSettings>
{
    public void Configure(EntityTypeBuilder<PerformanceSettings> b)
    {
        b.ToTable("PerformanceSettings");
        b.HasKey(s => s.MerchantId);
        b.Property(s => s.TimeZoneId).HasMaxLength(PerformanceSettings.TimeZoneIdMaxLength).IsRequired();
        b.HasOne<Merchant>().WithOne().HasForeignKey<PerformanceSettings>(s => s.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
