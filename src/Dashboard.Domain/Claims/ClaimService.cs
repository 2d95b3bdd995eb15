using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Claims;

/// <summary>Typed queue filters; never strings from the browser.</summary>
public sealed record ClaimFilter(
    bool NeedsActionOnly = false,
    ClaimStatus? Status = null,
    ClaimReason? Reason = null,
    int? DueWithinDays = null,
    long? MinAmount = null,
    long? MaxAmount = null,
    string? SellerOrderId = null);

public sealed record ClaimRow(Guid Id, string ClaimReference, string SellerOrderId, ClaimReason Reason, ClaimStatus Status,
    long ClaimedAmount, string Currency, DateTime FiledUtc, DateTime RespondByUtc);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>One step of an order's ledger, for the detail page's timeline.</summary>
public sealed record OrderTimelineEntry(DateTime AtUtc, TransactionType Type, TransactionStatus Status, long Amount, string Reference, bool Settled);

public sealed record ClaimDetails(GuaranteeClaim Claim, string OrderReference, long OrderCaptured, long OrderRefundable,
    IReadOnlyList<OrderTimelineEntry> OrderTimeline, IReadOnlyList<ClaimAction> Actions, bool CanAttach);

public sealed record ClaimDraft(string? Text, DateTime? ShippedOnUtc, string? Carrier, string? TrackingNumber);

/// <summary>
/// The merchant's side of A-to-z claims. Every call re-checks the actor's permission (AC-03); reads and writes go
/// through the current view's scope, so another merchant's claim is simply not found.
/// </summary>
public sealed class ClaimService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, AuditService audit, EvidenceFiles files,
    TimeProvider clock)
{
    public async Task<Page<ClaimRow>> ListAsync(ClaimFilter filter, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Query(db, filter, clock.GetUtcNow().UtcDateTime);
        var total = await query.CountAsync(ct);
        var ordered = filter.NeedsActionOnly || filter.DueWithinDays is not null
            ? query.OrderBy(c => c.RespondByUtc)
            : query.OrderByDescending(c => c.FiledUtc);
        var items = await ordered.Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(c => new ClaimRow(c.Id, c.ClaimReference, c.SellerOrderId, c.Reason, c.Status, c.ClaimedAmount, c.Currency, c.FiledUtc, c.RespondByUtc))
            .ToListAsync(ct);
        return new Page<ClaimRow>(items, total);
    }

    private static IQueryable<GuaranteeClaim> Query(DashboardDbContext db, ClaimFilter f, DateTime nowUtc)
    {
        var q = db.GuaranteeClaims.AsNoTracking();
        if (f.NeedsActionOnly) q = q.Where(c => c.Status == ClaimStatus.ActionRequired && c.RespondByUtc > nowUtc);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (f.Reason is { } reason) q = q.Where(c => c.Reason == reason);
        if (f.DueWithinDays is { } days)
        {
            var horizon = nowUtc.AddDays(days);
            q = q.Where(c => c.Status == ClaimStatus.ActionRequired && c.RespondByUtc > nowUtc && c.RespondByUtc <= horizon);
        }
        if (f.MinAmount is { } min) q = q.Where(c => c.ClaimedAmount >= min);
        if (f.MaxAmount is { } max) q = q.Where(c => c.ClaimedAmount <= max);
        if (!string.IsNullOrWhiteSpace(f.SellerOrderId)) q = q.Where(c => c.SellerOrderId.Contains(f.SellerOrderId.Trim()));
        return q;
    }

    /// <exception cref="NotFoundException">The claim does not exist in the current view.</exception>
    public async Task<ClaimDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.GuaranteeClaims.AsNoTracking().Include(c => c.Attachments).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Claim");
        var order = await db.PaymentOrders.AsNoTracking().Include(o => o.Transactions).FirstAsync(o => o.Id == claim.OrderId, ct);
        var timeline = order.Transactions.OrderBy(t => t.CreatedUtc)
            .Select(t => new OrderTimelineEntry(t.CompletedUtc ?? t.CreatedUtc, t.Type, t.Status, t.Amount, t.ProviderReferenceId, t.SettlementId is not null))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var canEdit = CanEdit();
        var actions = canEdit ? claim.AvailableActions(now, order.RemainingRefundable) : [];
        return new ClaimDetails(claim, order.ProviderReferenceId, order.CapturedAmount, order.RemainingRefundable, timeline, actions,
            canEdit && claim.AcceptsAttachments(now));
    }

    /// <summary>Refunds through the ledger (capped by what is still refundable) and answers the claim with it.</summary>
    public Task RefundAsync(Guid id, long amount, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "claim.refund", $"amount={amount}", (db, claim, order, now) =>
        {
            db.PaymentTransactions.Add(order.Refund(amount, now));
            claim.RecordRefund(amount, submissionId, Actor, now);
        }, ct);

    public Task RepresentAsync(Guid id, ClaimDraft response, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "claim.represent", null, (_, claim, _, now) =>
        {
            if (response.ShippedOnUtc is null) throw new DomainRuleException("Error.ShippingDetailsRequired");
            claim.Represent(response.Text ?? "", response.ShippedOnUtc.Value, response.Carrier ?? "", response.TrackingNumber ?? "",
                submissionId, Actor, now);
        }, ct);

    /// <summary>Cancels what was not shipped: refunds <paramref name="refundAmount"/> (may be 0) and closes the open authorization.</summary>
    public Task CancelUnshippedAsync(Guid id, long refundAmount, string? note, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "claim.cancel-unshipped", $"amount={refundAmount}", (db, claim, order, now) =>
        {
            if (refundAmount < 0) throw new DomainRuleException("Error.AmountMustBePositive");
            if (refundAmount > 0) db.PaymentTransactions.Add(order.Refund(refundAmount, now));
            if (order.CloseUncaptured(now) is { } cancel) db.PaymentTransactions.Add(cancel);
            claim.RecordUnshippedCancel(refundAmount, note, submissionId, Actor, now);
        }, ct);

    public Task AppealAsync(Guid id, string text, Guid submissionId, CancellationToken ct = default) =>
        RespondAsync(id, submissionId, "claim.appeal", null, (_, claim, _, now) => claim.Appeal(text, Actor, now), ct);

    /// <summary>Autosave of the representment. Returns the new version; a stale version is a conflict, never an overwrite.</summary>
    public async Task<long> SaveDraftAsync(Guid id, ClaimDraft draft, long expectedVersion, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.GuaranteeClaims.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim");
        claim.SaveDraft(draft.Text, draft.ShippedOnUtc, draft.Carrier, draft.TrackingNumber, expectedVersion, Actor, clock.GetUtcNow().UtcDateTime);
        await SaveOrConflictAsync(db, ct);
        return claim.Version;
    }

    /// <summary>
    /// Attaches a file to the representment (or appeal): checked by content and size, stored outside the web root under
    /// a generated name by the same <see cref="EvidenceFiles"/> as chargeback evidence.
    /// </summary>
    public async Task<ClaimAttachment> AddAttachmentAsync(Guid id, Stream content, string fileName, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.GuaranteeClaims.Include(c => c.Attachments).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!claim.AcceptsAttachments(now)) throw new DomainRuleException("Error.DeadlineExpired");
        ClaimAttachment? added = null;
        await files.StoreThenAsync(actor.UserId ?? Actor, content, fileName, file =>
        {
            added = claim.AddAttachment(file!, Actor, now);
            db.ClaimAttachments.Add(added);
            return db.SaveChangesAsync(ct);
        }, ct);
        await Audit("claim.attachment-added", claim, added!.FileName, ct);
        return added;
    }

    public async Task RemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.GuaranteeClaims.Include(c => c.Attachments).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim");
        var item = claim.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException("Attachment");
        claim.RemoveAttachment(item, clock.GetUtcNow().UtcDateTime);
        db.ClaimAttachments.Remove(item);
        await db.SaveChangesAsync(ct);
        files.Delete(item.StoredName);
        await Audit("claim.attachment-removed", claim, item.FileName, ct);
    }

    /// <summary>An attachment of this claim for the download endpoint; another merchant's id is not found.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct = default)
    {
        actor.Demand(Section.Claims, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.ClaimAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ClaimId == id, ct)
            ?? throw new NotFoundException("Attachment");
        return (files.OpenRead(item.StoredName), item.ContentType, item.FileName);
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

    private Task Audit(string action, GuaranteeClaim claim, string? details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, claim.MerchantId, claim.Environment,
            nameof(GuaranteeClaim), claim.ClaimReference, actor.IpAddress, details), ct);

    private string Actor => actor.UserName ?? actor.UserId ?? "?";

    private bool CanEdit()
    {
        try { actor.Demand(Section.Claims, PermissionLevel.Edit); return true; }
        catch (ForbiddenException) { return false; }
    }

    /// <summary>
    /// One response, one transaction: the claim, the order and its new ledger rows are saved together. A repeated
    /// submission (same <paramref name="submissionId"/>) is a no-op, also when two arrive at once: the loser of the
    /// race reloads, sees its own submission applied and returns.
    /// </summary>
    private async Task RespondAsync(Guid id, Guid submissionId, string action, string? details,
        Action<DashboardDbContext, GuaranteeClaim, PaymentOrder, DateTime> respond, CancellationToken ct)
    {
        actor.Demand(Section.Claims, PermissionLevel.Edit);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var claim = await db.GuaranteeClaims.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Claim");
            if (claim.AlreadySubmitted(submissionId)) return;
            var order = await db.PaymentOrders.Include(o => o.Transactions).FirstAsync(o => o.Id == claim.OrderId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            respond(db, claim, order, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                await using var fresh = await contexts.CreateDbContextAsync(ct);
                var current = await fresh.GuaranteeClaims.AsNoTracking().FirstAsync(c => c.Id == id, ct);
                if (current.AlreadySubmitted(submissionId)) return;
                throw new ConcurrencyConflictException(current.RespondedBy ?? current.DraftSavedBy, current.RespondedUtc ?? current.DraftSavedUtc);
            }
            await Audit(action, claim, details, ct);
        }
    }
}
