using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Notifications;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("EmailMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Recipient).HasMaxLength(EmailMessage.RecipientMaxLength).IsRequired();
        b.Property(m => m.Culture).HasMaxLength(10).IsRequired();
        b.Property(m => m.TemplateKey).HasMaxLength(EmailMessage.TemplateKeyMaxLength).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(EmailMessage.SubjectMaxLength).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(EmailMessage.LastErrorMaxLength);
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => new { m.MerchantId, m.CreatedUtc });
    }
}
