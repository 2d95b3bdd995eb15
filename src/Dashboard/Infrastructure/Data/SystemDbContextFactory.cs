using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Data;

/// <summary>Contexts that see every merchant: start-up, demo data and commands only — never a user request.</summary>
public sealed class SystemDbContextFactory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => new(options, MerchantScope.System);
}
