using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>Two instances sharing the key ring through the database read each other's protected data.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DataProtectionKeyTests(PostgresServer server)
{
    [Fact]
    public void A_secret_protected_by_one_instance_is_read_by_another_through_the_database_key_ring()
    {
        var database = new PostgresDatabase(server, "data_protection");
        using var first = Instance(database);
        using var second = Instance(database);

        var protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("whsec_shared");
        Assert.Equal("whsec_shared", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));

        using var db = database.Create(MerchantScope.System);
        var key = Assert.Single(db.DataProtectionKeys.AsNoTracking().ToList());
        Assert.StartsWith("<key ", key.Xml);
        Assert.StartsWith("key-", key.FriendlyName);
    }

    [Fact]
    public void Another_application_name_cannot_read_it()
    {
        var database = new PostgresDatabase(server, "data_protection_isolated");
        using var portal = Instance(database);
        using var other = Instance(database, "Other");
        var protectedText = portal.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("whsec_shared");
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => other.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    private static ServiceProvider Instance(TestDatabaseBase database, string application = "Dashboard")
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(application);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(database.System));
        return services.BuildServiceProvider();
    }
}
