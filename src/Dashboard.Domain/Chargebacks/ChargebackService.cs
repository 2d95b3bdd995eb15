using Dashboard.Domain.Audit;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Chargebacks;

public sealed record ChargebackFilter(bool NeedsActionOnly = false, ChargebackStatus? Status = null, DisputeType? DisputeType = null,
    int? DueWithinDays = null, string? SellerOrderId = null);

public sealed record ChargebackRow(Guid Id, string ChargebackReference, string SellerOrderId, string Network, string ReasonCode,
    DisputeType DisputeType, ChargebackStatus Status, long DisputedAmount, string Currency, DateTime FiledUtc, DateTime RespondByUtc);

public sealed record ChargebackDetails(Chargeback Chargeback, string OrderReference, IReadOnlyList<OrderTimelineEntry> OrderTimeline,
    IReadOnlyList<ChargebackAction> Actions, bool CanEdit);

/// <summary>The merchant's side of chargebacks: drafts, evidence, accept, contest. Permission re-checked on every call (AC-03).</summary>
public sealed class ChargebackService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, AuditService audit,
    EvidenceFiles files, TimeProvider clock)
{
    public async Task<Page<ChargebackRow>> ListAsync(ChargebackFilter f, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Chargebacks.AsNoTracking();
        if (f.NeedsActionOnly) q = q.Where(c => c.Status == ChargebackStatus.ActionRequired && c.RespondByUtc > now);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (f.DisputeType is { } type) q = q.Where(c => c.DisputeType == type);
        if (f.DueWithinDays is { } days)
        {
            var horizon = now.AddDays(days);
            q = q.Where(c => c.Status == ChargebackStatus.ActionRequired && c.RespondByUtc > now && c.RespondByUtc <= horizon);
        }
        if (!string.IsNullOrWhiteSpace(f.SellerOrderId)) q = q.Where(c => c.SellerOrderId.Contains(f.SellerOrderId.Trim()));
        var total = await q.CountAsync(ct);
        var ordered = f.NeedsActionOnly || f.DueWithinDays is not null ? q.OrderBy(c => c.RespondByUtc) : q.OrderByDescending(c => c.FiledUtc);
        var items = await ordered.Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(c => new ChargebackRow(c.Id, c.ChargebackReference, c.SellerOrderId, c.Network, c.ReasonCode, c.DisputeType, c.Status,
                c.DisputedAmount, c.Currency, c.FiledUtc, c.RespondByUtc))
            .ToListAsync(ct);
        return new Page<ChargebackRow>(items, total);
    }

    public async Task<ChargebackDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.AsNoTracking().Include(c => c.Evidence).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Chargeback");
        var order = await db.PaymentOrders.AsNoTracking().Include(o => o.Transactions).FirstAsync(o => o.Id == chargeback.OrderId, ct);
        var timeline = order.Transactions.OrderBy(t => t.CreatedUtc)
            .Select(t => new OrderTimelineEntry(t.CompletedUtc ?? t.CreatedUtc, t.Type, t.Status, t.Amount, t.ProviderReferenceId, t.SettlementId is not null))
            .ToList();
        var canEdit = Can(PermissionLevel.Edit);
        var actions = canEdit ? chargeback.AvailableActions(clock.GetUtcNow().UtcDateTime) : [];
        return new ChargebackDetails(chargeback, order.ProviderReferenceId, timeline, actions, canEdit);
    }

    public async Task<long> SaveDraftAsync(Guid id, string? text, long expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chargeback");
        chargeback.SaveDraft(text, expectedVersion, Actor, clock.GetUtcNow().UtcDateTime);
        await SaveOrConflictAsync(db, ct);
        return chargeback.Version;
    }

    /// <summary>Validates and stores the file outside the web root, then adds the evidence item. Returns the new version.</summary>
    public async Task<long> AddEvidenceAsync(Guid id, EvidenceKind kind, string? text, Stream? content, string? fileName, long expectedVersion,
        CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.Include(c => c.Evidence).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chargeback");
        if (chargeback.Version != expectedVersion)
            throw new ConcurrencyConflictException(chargeback.DraftSavedBy ?? chargeback.RespondedBy, chargeback.DraftSavedUtc);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!chargeback.AcceptsEvidence(now)) throw new DomainRuleException("Error.DeadlineExpired");
        var stored = await files.StoreThenAsync(actor.UserId ?? Actor, content, fileName, file =>
        {
            db.ChargebackEvidence.Add(chargeback.AddEvidence(kind, text, file, Actor, now));
            return SaveOrConflictAsync(db, ct);
        }, ct);
        await Audit("chargeback.evidence-added", chargeback, stored?.OriginalName, ct);
        return chargeback.Version;
    }

    public async Task<long> RemoveEvidenceAsync(Guid id, Guid evidenceId, long expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.Include(c => c.Evidence).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chargeback");
        if (chargeback.Version != expectedVersion)
            throw new ConcurrencyConflictException(chargeback.DraftSavedBy ?? chargeback.RespondedBy, chargeback.DraftSavedUtc);
        var item = chargeback.Evidence.FirstOrDefault(e => e.Id == evidenceId) ?? throw new NotFoundException("Evidence");
        chargeback.RemoveEvidence(item, clock.GetUtcNow().UtcDateTime);
        db.ChargebackEvidence.Remove(item);
        await SaveOrConflictAsync(db, ct);
        if (item.StoredName is not null) files.Delete(item.StoredName);
        return chargeback.Version;
    }

    /// <summary>A file of this chargeback for the download endpoint; another merchant's id is not found.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenEvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct = default)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.ChargebackEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.ChargebackId == id, ct);
        if (item?.StoredName is null) throw new NotFoundException("Evidence");
        return (files.OpenRead(item.StoredName), item.ContentType ?? "application/octet-stream", item.FileName ?? item.StoredName);
    }

    /// <summary>Accepts the chargeback: the disputed amount and the fee are debited now.</summary>
    public Task AcceptAsync(Guid id, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "chargeback.accept", (db, chargeback, order, now) =>
        {
            chargeback.Accept(submissionId, Actor, now);
            CaseLedger.DebitChargeback(db, chargeback, order, now);
        }, ct);

    /// <summary>Submits the saved text and evidence; the issuer decides later.</summary>
    public Task ContestAsync(Guid id, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "chargeback.contest", (_, chargeback, _, now) => chargeback.Contest(submissionId, Actor, now), ct);

    private async Task RespondAsync(Guid id, Guid submissionId, string action, Action<DashboardDbContext, Chargeback, PaymentOrder, DateTime> respond,
        CancellationToken ct)
    {
        actor.Demand(Section.Chargebacks, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.Include(c => c.Evidence).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chargeback");
        if (chargeback.AlreadySubmitted(submissionId)) return;
        var order = await db.PaymentOrders.Include(o => o.Transactions).FirstAsync(o => o.Id == chargeback.OrderId, ct);
        respond(db, chargeback, order, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var current = await fresh.Chargebacks.AsNoTracking().FirstAsync(c => c.Id == id, ct);
            if (current.AlreadySubmitted(submissionId)) return;
            throw new ConcurrencyConflictException(current.RespondedBy ?? current.DraftSavedBy, current.RespondedUtc ?? current.DraftSavedUtc);
        }
        await Audit(action, chargeback, null, ct);
    }

    private static async Task SaveOrConflictAsync(DashboardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(null, null);
        }
    }

    private Task Audit(string action, Chargeback c, string? details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, c.MerchantId, c.Environment,
            nameof(Chargeback), c.ChargebackReference, actor.IpAddress, details), ct);

    private string Actor => actor.UserName ?? actor.UserId ?? "?";

    private bool Can(PermissionLevel level)
    {
        try { actor.Demand(Section.Chargebacks, level); return true; }
        catch (ForbiddenException) { return false; }
    }
}
