using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Notifications;

internal sealed class PerformanceNoticeConfiguration : IEntityTypeConfiguration<PerformanceNotice>
{
    public void Configure(EntityTypeBuilder<PerformanceNotice> b)
    {
        b.ToTable("PerformanceNotices");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.DedupKey).HasMaxLength(PerformanceNotice.DedupKeyMaxLength).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(PerformanceNotice.SubjectMaxLength);
        b.Ignore(n => n.IsRead);
        b.HasIndex(n => new { n.MerchantId, n.Environment, n.DedupKey }).IsUnique();
        b.HasIndex(n => new { n.MerchantId, n.Environment, n.ReadUtc, n.CreatedUtc });
        b.HasIndex(n => n.MailedUtc);
        b.HasOne<Merchant>().WithMany().HasForeignKey(n => n.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
