using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests;

/// <summary>
/// A real SQLite database in memory, alive as long as this object: every context, whatever its scope, shares the
/// one open connection.
/// </summary>
public sealed class TestDatabase : TestDatabaseBase
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<DashboardDbContext> _options;

    public TestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(_connection).Options;
        using var db = Create(MerchantScope.System);
        db.Database.EnsureCreated();
    }

    public override DashboardDbContext Create(IMerchantScope scope) => new(_options, scope);

    public override DbContextOptions<DashboardDbContext> Options => _options;

    public override void Dispose() => _connection.Dispose();
}

/// <summary>What the fixtures need from a test database, SQLite (<see cref="TestDatabase"/>) or PostgreSQL
/// (<see cref="PostgresDatabase"/>).</summary>
public abstract class TestDatabaseBase : IDisposable
{
    public abstract DashboardDbContext Create(IMerchantScope scope);

    public abstract DbContextOptions<DashboardDbContext> Options { get; }

    public IDbContextFactory<DashboardDbContext> Factory(IMerchantScope scope) => new ScopedFactory(this, scope);

    /// <summary>The factory background jobs and seeding use.</summary>
    public IDbContextFactory<DashboardDbContext> System => Factory(MerchantScope.System);

    public Merchant AddMerchant(string country = "FR", string currency = "EUR", string name = "Boutique Lumière")
    {
        var merchant = new Merchant(Merchant.NewMerchantCode(), name, country, currency, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var db = Create(MerchantScope.System);
        db.Merchants.Add(merchant);
        db.SaveChanges();
        return merchant;
    }

    public abstract void Dispose();

    private sealed class ScopedFactory(TestDatabaseBase database, IMerchantScope scope) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => database.Create(scope);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeTimeProvider(DateTime startUtc) : TimeProvider
{
    private DateTimeOffset _now = new(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));

    public override DateTimeOffset GetUtcNow() => _now;

    public DateTime UtcNow => _now.UtcDateTime;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTime utc) => _now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
