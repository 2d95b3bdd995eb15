using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Integration;

internal sealed class IpnEndpointConfiguration : IEntityTypeConfiguration<IpnEndpoint>
{
    public void Configure(EntityTypeBuilder<IpnEndpoint> b)
    {
        b.ToTable("IpnEndpoints");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Url).HasMaxLength(IpnUrlValidator.MaxLength).IsRequired();
        b.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        b.Property(e => e.PreviousProtectedSecret).HasMaxLength(1000);
        b.Property(e => e.SecretLast4).HasMaxLength(4).IsRequired();
        b.Ignore(e => e.IsFailing);
        b.HasIndex(e => new { e.MerchantId, e.Environment }).IsUnique();
        b.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IpnNotificationConfiguration : IEntityTypeConfiguration<IpnNotification>
{
    public void Configure(EntityTypeBuilder<IpnNotification> b)
    {
        b.ToTable("IpnNotifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedOnAdd();
        b.Property(n => n.EventId).HasMaxLength(IpnNotification.EventIdLength).IsRequired();
        b.Property(n => n.Type).HasMaxLength(IpnNotification.TypeMaxLength).IsRequired();
        b.Property(n => n.Payload).IsRequired();
        b.Ignore(n => n.RetryUntilUtc);
        b.HasIndex(n => n.EventId).IsUnique();
        b.HasIndex(n => new { n.Status, n.NextAttemptUtc });
        b.HasIndex(n => new { n.MerchantId, n.Environment, n.CreatedUtc });
        b.HasOne<Merchant>().WithMany().HasForeignKey(n => n.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IpnDeliveryAttemptConfiguration : IEntityTypeConfiguration<IpnDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<IpnDeliveryAttempt> b)
    {
        b.ToTable("IpnDeliveryAttempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.Property(a => a.Url).HasMaxLength(IpnUrlValidator.MaxLength).IsRequired();
        b.Property(a => a.ResponseExcerpt).HasMaxLength(IpnDeliveryAttempt.ExcerptMaxLength);
        b.Property(a => a.Error).HasMaxLength(IpnDeliveryAttempt.ErrorMaxLength);
        b.HasIndex(a => new { a.MerchantId, a.Environment, a.AttemptedUtc });
        b.HasIndex(a => a.NotificationId);
        b.HasOne<IpnNotification>().WithMany().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
