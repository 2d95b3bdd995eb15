using System.Linq.Expressions;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.TestAccounts;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Persistence;

/// <summary>
/// The one context of the portal, Identity included. Merchant-owned rows are filtered by the scope the context was
/// created with, and <see cref="SaveChanges(bool)"/> refuses to write another merchant's or environment's rows.
/// </summary>
public class DashboardDbContext(DbContextOptions<DashboardDbContext> options, IMerchantScope scope)
    : IdentityDbContext<DashboardUser>(options)
{
    // Read by the query filters: EF evaluates these per context instance, so each scope sees only its rows.
    private bool IsSystemScope => scope.IsSystem;
    private Guid ScopeMerchantId => scope.MerchantId;
    private PaymentEnvironment ScopeEnvironment => scope.Environment;

    public IMerchantScope Scope => scope;

    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<MerchantMember> MerchantMembers => Set<MerchantMember>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<NotificationRecipients> NotificationRecipients => Set<NotificationRecipients>();
    public DbSet<AccountProfile> AccountProfiles => Set<AccountProfile>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PaymentOrder> PaymentOrders => Set<PaymentOrder>();
    public DbSet<PaymentTransaction> PaymentTransactions => Set<PaymentTransaction>();
    public DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents => Set<ProcessedPaymentEvent>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<SettlementLine> SettlementLines => Set<SettlementLine>();
    public DbSet<GuaranteeClaim> GuaranteeClaims => Set<GuaranteeClaim>();
    public DbSet<ClaimAttachment> ClaimAttachments => Set<ClaimAttachment>();
    public DbSet<Chargeback> Chargebacks => Set<Chargeback>();
    public DbSet<ChargebackEvidence> ChargebackEvidence => Set<ChargebackEvidence>();
    public DbSet<PerformanceNotice> PerformanceNotices => Set<PerformanceNotice>();
    public DbSet<NoticeRead> NoticeReads => Set<NoticeRead>();
    public DbSet<PerformanceSettings> PerformanceSettings => Set<PerformanceSettings>();
    public DbSet<Reports.SavedReportView> SavedReportViews => Set<Reports.SavedReportView>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<DelegatedToken> DelegatedTokens => Set<DelegatedToken>();
    public DbSet<IpnEndpoint> IpnEndpoints => Set<IpnEndpoint>();
    public DbSet<PopupBanner> PopupBanners => Set<PopupBanner>();
    public DbSet<IpnNotification> IpnNotifications => Set<IpnNotification>();
    public DbSet<IpnDeliveryAttempt> IpnDeliveryAttempts => Set<IpnDeliveryAttempt>();
    public DbSet<TestBuyer> TestBuyers => Set<TestBuyer>();
    public DbSet<LoginApp> LoginApps => Set<LoginApp>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored DateTime is UTC; SQLite returns them without a kind, so mark them on the way out. PostgreSQL
        // stores them as timestamp with time zone, which refuses a DateTime of unspecified kind: mark those on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
        if (Database.IsNpgsql()) UseXminConcurrencyTokens(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var clr = entity.ClrType;
            if (typeof(IEnvironmentOwned).IsAssignableFrom(clr))
                builder.Entity(clr).HasQueryFilter(EnvironmentFilter(clr));
            else if (typeof(IMerchantOwned).IsAssignableFrom(clr))
                builder.Entity(clr).HasQueryFilter(MerchantFilter(clr));
        }
    }

    /// <summary>
    /// On PostgreSQL the optimistic concurrency check uses the row's <c>xmin</c> system column (changed by every
    /// update, whoever writes it) instead of the entity's own Version counter, which stays a plain column: the
    /// entities and migrations are the same on both providers, SQLite keeps checking Version.
    /// </summary>
    private static void UseXminConcurrencyTokens(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            var tokens = entity.GetProperties().Where(p => p.IsConcurrencyToken && p.Name == "Version").ToList();
            if (tokens.Count == 0) continue;
            foreach (var token in tokens) token.IsConcurrencyToken = false;
            builder.Entity(entity.ClrType).Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        }
    }

    private LambdaExpression MerchantFilter(Type clr)
    {
        Expression<Func<IMerchantOwned, bool>> f = e => IsSystemScope || e.MerchantId == ScopeMerchantId;
        return Retype(f, clr);
    }

    private LambdaExpression EnvironmentFilter(Type clr)
    {
        Expression<Func<IEnvironmentOwned, bool>> f =
            e => IsSystemScope || (e.MerchantId == ScopeMerchantId && e.Environment == ScopeEnvironment);
        return Retype(f, clr);
    }

    // Rewrites "e => ... e.MerchantId ..." typed on the interface into the same lambda typed on the entity.
    private static LambdaExpression Retype<TInterface>(Expression<Func<TInterface, bool>> filter, Type clr)
    {
        var p = Expression.Parameter(clr, "e");
        var body = new ParameterReplacer(filter.Parameters[0], p).Visit(filter.Body);
        return Expression.Lambda(body, p);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            // e.MerchantId on the interface becomes e.MerchantId on the entity.
            if (node.Expression == from)
                return Expression.Property(to, node.Member.Name);
            return base.VisitMember(node);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardScope();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardScope();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardScope()
    {
        if (scope.IsSystem) return;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IMerchantOwned owned && owned.MerchantId != scope.MerchantId)
                throw new ForbiddenException($"writing {entry.Metadata.ClrType.Name} of another merchant");
            if (entry.Entity is IEnvironmentOwned env && env.Environment != scope.Environment)
                throw new ForbiddenException($"writing {entry.Metadata.ClrType.Name} of another environment");
        }
    }
}
