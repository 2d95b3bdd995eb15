using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Reports.Transactions;

/// <summary>
/// The transactions report: the grid page, the export stream, an order's timeline and the open authorizations. Every
/// read starts from the context's merchant scope; the grid and the export share <see cref="Filtered"/> and
/// <see cref="Rows"/>, so the file always equals the screen.
/// </summary>
public sealed class TransactionReportService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor)
{
    public const int MaxPageSize = 500;

    /// <summary>Capture within 7 days of authorization (the provider's recommendation), never later than its expiry.</summary>
    public static readonly TimeSpan CaptureRecommendation = TimeSpan.FromDays(7);

    public async Task<ReportPage<TransactionRow>> GetPageAsync(TransactionReportFilter filter, TransactionSort sort,
        int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Transactions, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filtered(db, filter);
        var total = await filtered.CountAsync(ct);
        var rows = await Rows(db, filtered, sort).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new ReportPage<TransactionRow>(rows, total);
    }

    /// <summary>Every row of the filter, in the grid's order, streamed from the database (no row cap, flat memory).</summary>
    public async IAsyncEnumerable<TransactionRow> StreamAsync(TransactionReportFilter filter, TransactionSort sort,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(Section.Transactions, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in Rows(db, Filtered(db, filter), sort).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    public async Task<int> CountAsync(TransactionReportFilter filter, CancellationToken ct = default)
    {
        actor.Demand(Section.Transactions, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Filtered(db, filter).CountAsync(ct);
    }

    /// <summary>The order and its whole timeline; null when it does not exist in the current view (another merchant's id looks missing).</summary>
    public async Task<OrderDetails?> GetOrderAsync(Guid orderId, DateTime nowUtc, CancellationToken ct = default)
    {
        actor.Demand(Section.Transactions, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var order = await db.PaymentOrders.AsNoTracking().Include(o => o.Transactions).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;

        var transactionIds = order.Transactions.Select(t => (Guid?)t.Id).ToList();
        var lines = await db.SettlementLines.AsNoTracking()
            .Where(l => transactionIds.Contains(l.PaymentTransactionId))
            .Join(db.Settlements, l => l.SettlementId, s => s.Id, (l, s) => new
            {
                l.PaymentTransactionId, l.TransactionPostedDateUtc, l.TransactionType, l.NetTransactionAmount, l.ProviderTransactionId,
                s.Id, s.SettlementReference, s.Status, s.PayoutDateUtc, s.PayoutAmount,
            })
            .ToListAsync(ct);

        var timeline = new List<OrderTimelineEntry>();
        foreach (var t in order.Transactions)
        {
            timeline.Add(new OrderTimelineEntry(t.CreatedUtc, TimelineStep.Transaction, t.Type, t.Status.ToString(), t.Amount,
                t.ProviderReferenceId, order.ProviderReferenceId, t.ReasonCode, t.SettlementId));
        }
        foreach (var l in lines)
        {
            timeline.Add(new OrderTimelineEntry(l.TransactionPostedDateUtc, TimelineStep.SettlementLine, null, l.TransactionType,
                l.NetTransactionAmount, l.SettlementReference, l.ProviderTransactionId, null, l.Id));
        }
        foreach (var s in lines.Where(l => l.PayoutDateUtc is not null).DistinctBy(l => l.Id))
        {
            timeline.Add(new OrderTimelineEntry(s.PayoutDateUtc!.Value, TimelineStep.Payout, null, s.Status.ToString(),
                s.PayoutAmount, s.SettlementReference, null, null, s.Id));
        }

        return new OrderDetails(order.Id, order.SellerOrderId, order.ProviderReferenceId, order.BuyerName, order.BuyerEmail,
            order.Currency, order.AuthorizationStatus, order.DeclineReason, order.AuthorizedAmount, order.CapturedAmount,
            order.RefundedAmount, order.ChargebackAmount, order.RemainingCapturable, order.RemainingRefundable, order.CreatedUtc,
            order.AuthorizationExpiresUtc, order.AvailableActions(nowUtc),
            timeline.OrderBy(e => e.AtUtc).ThenBy(e => e.Step).ToList());
    }

    /// <summary>Open authorizations, most urgent first, grouped by age against the recommendation and the expiry.</summary>
    public async Task<OpenAuthorizations> GetOpenAuthorizationsAsync(DateTime nowUtc, int maxRows = 200, CancellationToken ct = default)
    {
        actor.Demand(Section.Transactions, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lifetime = PaymentOrder.AuthorizationLifetime(db.Scope.Environment);
        var open = await db.PaymentOrders.AsNoTracking()
            .Where(o => o.AuthorizationStatus == AuthorizationStatus.Open && o.AuthorizationExpiresUtc > nowUtc)
            .OrderBy(o => o.AuthorizationExpiresUtc)
            .Select(o => new { o.Id, o.SellerOrderId, o.ProviderReferenceId, o.DecidedUtc, o.CreatedUtc, o.AuthorizationExpiresUtc, Remaining = o.AuthorizedAmount - o.CapturedAmount, o.Currency })
            .ToListAsync(ct);
        var rows = open.Select(o => new OpenAuthorizationRow(o.Id, o.SellerOrderId, o.ProviderReferenceId, o.DecidedUtc ?? o.CreatedUtc,
                o.AuthorizationExpiresUtc!.Value, o.Remaining, o.Currency, Classify(o.DecidedUtc ?? o.CreatedUtc, o.AuthorizationExpiresUtc.Value, lifetime, nowUtc)))
            .ToList();
        var groups = Enum.GetValues<AuthorizationAge>()
            .Select(age => new OpenAuthorizationGroup(age, rows.Count(r => r.Age == age), rows.Where(r => r.Age == age).Sum(r => r.RemainingAmount)))
            .ToList();
        return new OpenAuthorizations(RecommendationFor(lifetime), lifetime, groups, rows.Take(maxRows).ToList());
    }

    /// <summary>The recommendation never reaches past the expiry: in the Sandbox (2-day lifetime) it is half the lifetime.</summary>
    public static TimeSpan RecommendationFor(TimeSpan lifetime) => lifetime > CaptureRecommendation * 2 ? CaptureRecommendation : lifetime / 2;

    /// <summary>The last part of the lifetime in which the portal warns: 3 days in Production, 12 hours in the Sandbox.</summary>
    public static TimeSpan WarningFor(TimeSpan lifetime) => lifetime >= TimeSpan.FromDays(12) ? TimeSpan.FromDays(3) : lifetime / 4;

    public static AuthorizationAge Classify(DateTime authorizedUtc, DateTime expiresUtc, TimeSpan lifetime, DateTime nowUtc)
    {
        if (expiresUtc - nowUtc <= WarningFor(lifetime)) return AuthorizationAge.ExpiringSoon;
        return nowUtc - authorizedUtc >= RecommendationFor(lifetime) ? AuthorizationAge.PastRecommendation : AuthorizationAge.OnTrack;
    }

    private static IQueryable<PaymentTransaction> Filtered(DashboardDbContext db, TransactionReportFilter f)
    {
        // Reports are per view, never across merchants. The query filter already restricts the rows; spelling the scope out
        // again gives SQLite plain equalities on (MerchantId, Environment), so it seeks the report indexes.
        if (db.Scope.IsSystem) throw new ForbiddenException("reports outside a merchant view");
        var merchantId = db.Scope.MerchantId;
        var environment = db.Scope.Environment;
        var q = db.PaymentTransactions.AsNoTracking()
            .Where(t => t.MerchantId == merchantId && t.Environment == environment && t.CreatedUtc >= f.FromUtc && t.CreatedUtc < f.ToUtc);
        // One value becomes "=", so SQLite can seek the (…, Status, CreatedUtc) index; several become an IN list.
        if (f.Statuses is [var status]) q = q.Where(t => t.Status == status);
        else if (f.Statuses is { Count: > 1 } statuses) q = q.Where(t => statuses.Contains(t.Status));
        if (f.Types is [var type]) q = q.Where(t => t.Type == type);
        else if (f.Types is { Count: > 1 } types) q = q.Where(t => types.Contains(t.Type));
        if (f.MinAmount is { } min) q = q.Where(t => t.Amount >= min);
        if (f.MaxAmount is { } max) q = q.Where(t => t.Amount <= max);

        var search = f.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Length > TransactionReportFilter.SearchMaxLength) search = search[..TransactionReportFilter.SearchMaxLength];
            if (search.Contains('@'))
            {
                // E-mail addresses compare without case; LIKE wildcards typed by the user are taken literally.
                var pattern = search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
                // SQLite's LIKE ignores ASCII case; PostgreSQL's does not, ILIKE does.
                var matching = db.Database.IsNpgsql()
                    ? db.PaymentOrders.Where(o => EF.Functions.ILike(o.BuyerEmail, pattern, "\\"))
                    : db.PaymentOrders.Where(o => EF.Functions.Like(o.BuyerEmail, pattern, "\\"));
                var orders = matching.Select(o => o.Id);
                q = q.Where(t => orders.Contains(t.OrderId));
            }
            else
            {
                // A seller order id, the order's provider reference or one transaction's provider reference.
                var orders = db.PaymentOrders.Where(o => o.SellerOrderId == search || o.ProviderReferenceId == search).Select(o => o.Id);
                q = q.Where(t => t.SellerOrderId == search || t.ProviderReferenceId == search || orders.Contains(t.OrderId));
            }
        }
        return q;
    }

    private static IQueryable<TransactionRow> Rows(DashboardDbContext db, IQueryable<PaymentTransaction> filtered, TransactionSort sort) =>
        Sorted(filtered, sort).Join(db.PaymentOrders, t => t.OrderId, o => o.Id, (t, o) => new TransactionRow(
            t.Id, t.OrderId, t.CreatedUtc, t.CompletedUtc, t.Type, t.Status, t.Amount, t.Currency, t.PercentageFee, t.FixedFee,
            t.SellerOrderId, t.ProviderReferenceId, o.ProviderReferenceId, o.BuyerEmail, t.ReasonCode, t.SettlementId));

    // Ties are broken by the time-ordered id, so paging is stable.
    private static IOrderedQueryable<PaymentTransaction> Sorted(IQueryable<PaymentTransaction> q, TransactionSort sort) => (sort.Field, sort.Descending) switch
    {
        (TransactionSortField.Amount, false) => q.OrderBy(t => t.Amount).ThenBy(t => t.Id),
        (TransactionSortField.Amount, true) => q.OrderByDescending(t => t.Amount).ThenByDescending(t => t.Id),
        (TransactionSortField.Type, false) => q.OrderBy(t => t.Type).ThenBy(t => t.CreatedUtc).ThenBy(t => t.Id),
        (TransactionSortField.Type, true) => q.OrderByDescending(t => t.Type).ThenByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id),
        (TransactionSortField.Status, false) => q.OrderBy(t => t.Status).ThenBy(t => t.CreatedUtc).ThenBy(t => t.Id),
        (TransactionSortField.Status, true) => q.OrderByDescending(t => t.Status).ThenByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id),
        (TransactionSortField.SellerOrderId, false) => q.OrderBy(t => t.SellerOrderId).ThenBy(t => t.CreatedUtc).ThenBy(t => t.Id),
        (TransactionSortField.SellerOrderId, true) => q.OrderByDescending(t => t.SellerOrderId).ThenByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id),
        (TransactionSortField.ProviderReferenceId, false) => q.OrderBy(t => t.ProviderReferenceId).ThenBy(t => t.Id),
        (TransactionSortField.ProviderReferenceId, true) => q.OrderByDescending(t => t.ProviderReferenceId).ThenByDescending(t => t.Id),
        (_, false) => q.OrderBy(t => t.CreatedUtc).ThenBy(t => t.Id),
        _ => q.OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id),
    };
}
