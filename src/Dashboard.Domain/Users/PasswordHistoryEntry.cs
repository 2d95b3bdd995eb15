using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Users;

/// <summary>A password hash the user had before (AUTH-02: the last four may not be reused). Hashes only, never passwords.</summary>
public sealed class PasswordHistoryEntry
{
    public const int Remembered = 4;

    private PasswordHistoryEntry() { }

    public PasswordHistoryEntry(string userId, string passwordHash, DateTime replacedUtc)
    {
        UserId = userId;
        PasswordHash = passwordHash;
        ReplacedUtc = replacedUtc;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public DateTime ReplacedUtc { get; private set; }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.PasswordHash).HasMaxLength(512).IsRequired();
        b.HasIndex(e => new { e.UserId, e.ReplacedUtc });
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
