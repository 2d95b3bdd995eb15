using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence;

/// <summary>One ASP.NET Core Data Protection key (its XML element), shared by every portal instance on the database.</summary>
public sealed class DataProtectionKey
{
    public const int FriendlyNameMaxLength = 256;

    private DataProtectionKey()
    {
    }

    public DataProtectionKey(string? friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string? FriendlyName { get; private set; }
    public string Xml { get; private set; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(DataProtectionKey.FriendlyNameMaxLength);
        b.Property(k => k.Xml).IsRequired();
    }
}

/// <summary>
/// CFG-01 for several instances: the Data Protection key ring in the database (the Microsoft EF package for it is not
/// on this registry), so a sign-in cookie, an antiforgery token or an encrypted secret made by one instance is read by
/// every other. Keys are appended, never changed (Data Protection revokes by writing a new element). The key XML is
/// not encrypted at rest: protect the database like a password store.
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<DashboardDbContext> systemContexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = systemContexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = systemContexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey(Truncate(friendlyName), element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }

    private static string? Truncate(string? name) =>
        name is { Length: > DataProtectionKey.FriendlyNameMaxLength } ? name[..DataProtectionKey.FriendlyNameMaxLength] : name;
}
