using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Notifications;

internal sealed class NotificationRecipientsConfiguration : IEntityTypeConfiguration<NotificationRecipients>
{
    public void Configure(EntityTypeBuilder<NotificationRecipients> b)
    {
        b.ToTable("NotificationRecipients");
        b.HasKey(r => new { r.MerchantId, r.Category });
        b.Property(r => r.Addresses).HasMaxLength(NotificationRecipients.AddressesMaxLength).IsRequired();
        b.Property(r => r.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.AddressList);
    }
}
