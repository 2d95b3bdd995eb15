using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Users;

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(DashboardUser.DisplayNameMaxLength).IsRequired();
        b.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        b.Property(u => u.TimeZoneId).HasMaxLength(64).IsRequired();
    }
}
