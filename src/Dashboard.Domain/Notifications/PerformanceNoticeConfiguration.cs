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
        b.HasIndex(n => new { n.MerchantId, n.Environment, n.DedupKey }).IsUnique();
        b.HasIndex(n => new { n.MerchantId, n.Environment, n.CreatedUtc });
        b.HasIndex(n => n.MailedUtc);
        b.HasOne<Merchant>().WithMany().HasForeignKey(n => n.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeReadConfiguration : IEntityTypeConfiguration<NoticeRead>
{
    public void Configure(EntityTypeBuilder<NoticeRead> b)
    {
        b.ToTable("PerformanceNoticeReads");
        b.HasKey(r => new { r.NoticeId, r.UserId });
        b.Property(r => r.UserId).HasMaxLength(NoticeRead.UserIdMaxLength);
        b.HasIndex(r => new { r.UserId, r.MerchantId, r.Environment });
        b.HasOne<PerformanceNotice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Users.DashboardUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
