using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Reports.Payments;

/// <summary>The payments report: settlements, a settlement's statement with its reconciliation, and the lines for export.</summary>
public sealed class SettlementReportService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor)
{
    /// <summary>Settlements whose period ends in [fromUtc, toUtc), newest first.</summary>
    public async Task<IReadOnlyList<SettlementRow>> GetSettlementsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        actor.Demand(Section.Payments, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db.Settlements.AsNoTracking().Where(s => s.PeriodEndUtc > fromUtc && s.PeriodEndUtc <= toUtc)
                .OrderByDescending(s => s.PeriodEndUtc))
            .ToListAsync(ct);
    }

    /// <summary>The statement of one settlement; null when it does not exist in the current view.</summary>
    public async Task<SettlementStatement?> GetStatementAsync(Guid settlementId, CancellationToken ct = default)
    {
        actor.Demand(Section.Payments, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settlement = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == settlementId, ct);
        if (settlement is null) return null;
        var row = (await Rows(db.Settlements.AsNoTracking().Where(s => s.Id == settlementId)).ToListAsync(ct))[0];
        var lines = await LineRows(db, settlement).ToListAsync(ct);
        var links = await db.SettlementLines.AsNoTracking().Where(l => l.SettlementId == settlementId)
            .Select(l => new SettlementLineLink(l.PaymentTransactionId, l.TransactionType, l.TransactionAmount, l.TotalTransactionFee))
            .ToListAsync(ct);

        // The captures booked here, plus completed captures of the period that no settlement picked up.
        var captures = await db.PaymentTransactions.AsNoTracking()
            .Where(t => t.Type == TransactionType.Capture && t.Status == TransactionStatus.Completed
                        && (t.SettlementId == settlementId
                            || (t.SettlementId == null && t.CompletedUtc >= settlement.PeriodStartUtc && t.CompletedUtc < settlement.PeriodEndUtc)))
            .Join(db.PaymentOrders, t => t.OrderId, o => o.Id, (t, o) => new { t.Id, t.ProviderReferenceId, t.Amount, t.SettlementId, t.CompletedUtc, o.FeeBasisPoints, o.FixedFee, o.Currency })
            .ToListAsync(ct);
        var settled = captures.Select(c => new SettledCapture(c.Id, c.ProviderReferenceId, c.Amount, c.SettlementId, c.CompletedUtc!.Value,
            new FeeRate(c.FeeBasisPoints, c.FixedFee, c.Currency))).ToList();

        var reconciliation = SettlementReconciliation.Check(row, lines, links, settled, settlement.BalanceCarriedForward);
        return new SettlementStatement(row, lines, reconciliation);
    }

    /// <summary>The settlement's header, or null when it is not in the current view.</summary>
    public async Task<SettlementRow?> GetSettlementAsync(Guid settlementId, CancellationToken ct = default)
    {
        actor.Demand(Section.Payments, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db.Settlements.AsNoTracking().Where(s => s.Id == settlementId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The settlement's lines in posting order, streamed (for the exports).</summary>
    public async IAsyncEnumerable<SettlementLineRow> StreamLinesAsync(Guid settlementId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(Section.Payments, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settlement = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == settlementId, ct)
            ?? throw new NotFoundException("Settlement");
        await foreach (var line in LineRows(db, settlement).AsAsyncEnumerable().WithCancellation(ct))
            yield return line;
    }

    private static IQueryable<SettlementRow> Rows(IQueryable<Settlement> q) =>
        q.Select(s => new SettlementRow(s.Id, s.SettlementReference, s.PeriodStartUtc, s.PeriodEndUtc, s.Status, s.PayoutDateUtc,
            s.OpeningBalance, s.CapturesTotal, s.FeesTotal, s.RefundsTotal, s.ChargebacksTotal, s.ClaimsTotal, -s.ReserveHeld, s.PayoutAmount, s.Currency));

    // Balance lines (opening balance, reserve, transfer) sort by their posting time like the others; the transfer last.
    private static IQueryable<SettlementLineRow> LineRows(DashboardDbContext db, Settlement s) =>
        db.SettlementLines.AsNoTracking()
            .Where(l => l.SettlementId == s.Id)
            .OrderBy(l => l.TransactionType == SettlementLine.Types.OpeningBalance ? 0 : l.TransactionType == SettlementLine.Types.Transfer ? 3 : l.TransactionType == SettlementLine.Types.Reserve ? 2 : 1)
            .ThenBy(l => l.TransactionPostedDateUtc).ThenBy(l => l.Id)
            .Select(l => new SettlementLineRow(l.TransactionPostedDateUtc, s.SettlementReference, l.ProviderTransactionId, l.SellerReferenceId,
                l.TransactionType, l.OrderReferenceId, l.SellerOrderId, l.TransactionAmount, l.TransactionPercentageFee, l.TransactionFixedFee,
                l.TotalTransactionFee, l.NetTransactionAmount, l.CurrencyCode));
}
