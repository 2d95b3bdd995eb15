using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.TargetType).HasMaxLength(64);
        b.Property(e => e.TargetId).HasMaxLength(128);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.MerchantId, e.OccurredUtc });
        b.HasIndex(e => e.OccurredUtc);
    }
}
