using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests;

/// <summary>One PostgreSQL server for the whole run; test classes in this collection each take their own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The PostgreSQL counterpart of <see cref="TestDatabase"/>: a fresh database on the shared server, migrated with the
/// portal's migrations (so the tests run on the schema production gets).
/// </summary>
public sealed class PostgresDatabase : TestDatabaseBase
{
    private readonly DbContextOptions<DashboardDbContext> _options;

    public PostgresDatabase(PostgresServer server, string name, bool migrate = true)
    {
        ConnectionString = server.CreateDatabase(name);
        _options = new DbContextOptionsBuilder<DashboardDbContext>().UseDashboardDatabase(DatabaseProvider.PostgreSQL, ConnectionString).Options;
        if (!migrate) return;
        using var db = Create(MerchantScope.System);
        DatabaseMigrator.Migrate(db);
    }

    public string ConnectionString { get; }

    public override DashboardDbContext Create(IMerchantScope scope) => new(_options, scope);

    public override DbContextOptions<DashboardDbContext> Options => _options;

    /// <summary>The database is dropped with the server at the end of the run.</summary>
    public override void Dispose() { }
}
