using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Reports;

/// <summary>
/// A report view a user saved: its name, the report's filter as the URL query the page understands, and the visible
/// columns. The query is parsed by the report's typed filter when applied, never passed to the database.
/// </summary>
public sealed class SavedReportView : IEnvironmentOwned
{
    public const int NameMaxLength = 80;
    public const int QueryMaxLength = 2_000;
    public const int ColumnsMaxLength = 500;
    public const int ReportMaxLength = 32;
    public const int MaxPerUser = 50;

    private SavedReportView() { }

    public SavedReportView(string userId, Guid merchantId, PaymentEnvironment environment, string report, string name, string query,
        IReadOnlyCollection<string> columns, DateTime createdUtc)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainRuleException("Error.ViewNameInvalid", NameMaxLength);
        if (query.Length > QueryMaxLength) throw new DomainRuleException("Error.ViewTooLarge");
        var columnList = string.Join(',', columns);
        if (columnList.Length > ColumnsMaxLength) throw new DomainRuleException("Error.ViewTooLarge");
        Id = Guid.CreateVersion7();
        UserId = userId;
        MerchantId = merchantId;
        Environment = environment;
        Report = report;
        Name = name;
        Query = query;
        Columns = columnList;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string Report { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Query { get; private set; } = "";

    /// <summary>Visible columns, comma-separated; empty means the report's default columns.</summary>
    public string Columns { get; private set; } = "";

    public DateTime CreatedUtc { get; private set; }

    public IReadOnlyList<string> ColumnList => Columns.Length == 0 ? [] : Columns.Split(',');
}

internal sealed class SavedReportViewConfiguration : IEntityTypeConfiguration<SavedReportView>
{
    public void Configure(EntityTypeBuilder<SavedReportView> b)
    {
        b.ToTable("SavedReportViews");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.UserId).HasMaxLength(450).IsRequired();
        b.Property(v => v.Report).HasMaxLength(SavedReportView.ReportMaxLength).IsRequired();
        b.Property(v => v.Name).HasMaxLength(SavedReportView.NameMaxLength).IsRequired();
        b.Property(v => v.Query).HasMaxLength(SavedReportView.QueryMaxLength).IsRequired();
        b.Property(v => v.Columns).HasMaxLength(SavedReportView.ColumnsMaxLength).IsRequired();
        b.Ignore(v => v.ColumnList);
        b.HasIndex(v => new { v.UserId, v.MerchantId, v.Environment, v.Report, v.Name }).IsUnique();
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Merchants.Merchant>().WithMany().HasForeignKey(v => v.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The signed-in user's saved views of a report, in the current merchant view. Saving a name again replaces it.</summary>
public sealed class SavedViewService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<SavedReportView>> ListAsync(string report, Section section, CancellationToken ct = default)
    {
        actor.Demand(section, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = actor.UserId ?? throw new ForbiddenException("saved views without a user");
        return await db.Set<SavedReportView>().AsNoTracking()
            .Where(v => v.UserId == userId && v.Report == report)
            .OrderBy(v => v.Name)
            .ToListAsync(ct);
    }

    public async Task<SavedReportView> SaveAsync(string report, Section section, string name, string query, IReadOnlyCollection<string> columns,
        CancellationToken ct = default)
    {
        actor.Demand(section, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = actor.UserId ?? throw new ForbiddenException("saved views without a user");
        if (db.Scope.IsSystem) throw new ForbiddenException("saved views outside a merchant view");
        var view = new SavedReportView(userId, db.Scope.MerchantId, db.Scope.Environment, report, name, query, columns, clock.GetUtcNow().UtcDateTime);
        var views = db.Set<SavedReportView>().Where(v => v.UserId == userId && v.Report == report);
        var same = await views.FirstOrDefaultAsync(v => v.Name == view.Name, ct);
        if (same is not null) db.Remove(same);
        else if (await views.CountAsync(ct) >= SavedReportView.MaxPerUser) throw new DomainRuleException("Error.TooManyViews", SavedReportView.MaxPerUser);
        db.Add(view);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = actor.UserId ?? throw new ForbiddenException("saved views without a user");
        // Someone else's view looks exactly like a missing one.
        var view = await db.Set<SavedReportView>().FirstOrDefaultAsync(v => v.Id == id && v.UserId == userId, ct)
            ?? throw new NotFoundException("Saved view");
        db.Remove(view);
        await db.SaveChangesAsync(ct);
    }
}
