using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Performance;

public enum AttentionKind
{
    Claim = 0,
    Chargeback = 1,
    ExpiringAuthorization = 2,
    /// <summary>From the IPN delivery monitor (Integration), through an <see cref="IAttentionSource"/>.</summary>
    FailingIpn = 3,
}

/// <summary>One thing with a deadline and the object that resolves it.</summary>
public sealed record AttentionItem(AttentionKind Kind, Guid ObjectId, string Subject, DateTime DeadlineUtc, long Amount, string Currency);

/// <summary>Another section's contribution to the home page's list (the IPN monitor plugs in here).</summary>
public interface IAttentionSource
{
    Task<IReadOnlyList<AttentionItem>> GetAsync(DateTime nowUtc, CancellationToken ct);
}

/// <summary>The cross-cutting deadline inbox: open claims and chargebacks, expiring authorizations, failing IPNs — by deadline.</summary>
public sealed class AttentionService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, IEnumerable<IAttentionSource> sources)
{
    public const int MaxItems = 8;
    public static readonly TimeSpan AuthorizationHorizon = TimeSpan.FromDays(3);

    public async Task<(IReadOnlyList<AttentionItem> Items, int Total)> GetAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = new List<AttentionItem>();
        var total = 0;
        if (Can(Section.Claims))
        {
            var open = db.GuaranteeClaims.AsNoTracking().Where(c => c.Status == ClaimStatus.ActionRequired && c.RespondByUtc > nowUtc);
            total += await open.CountAsync(ct);
            items.AddRange(await open.OrderBy(c => c.RespondByUtc).Take(MaxItems)
                .Select(c => new AttentionItem(AttentionKind.Claim, c.Id, c.SellerOrderId, c.RespondByUtc, c.ClaimedAmount, c.Currency)).ToListAsync(ct));
        }
        if (Can(Section.Chargebacks))
        {
            var open = db.Chargebacks.AsNoTracking().Where(c => c.Status == ChargebackStatus.ActionRequired && c.RespondByUtc > nowUtc);
            total += await open.CountAsync(ct);
            items.AddRange(await open.OrderBy(c => c.RespondByUtc).Take(MaxItems)
                .Select(c => new AttentionItem(AttentionKind.Chargeback, c.Id, c.SellerOrderId, c.RespondByUtc, c.DisputedAmount, c.Currency)).ToListAsync(ct));
        }
        if (Can(Section.Transactions))
        {
            var horizon = nowUtc + AuthorizationHorizon;
            var expiring = db.PaymentOrders.AsNoTracking().Where(o => o.AuthorizationStatus == AuthorizationStatus.Open
                && o.AuthorizationExpiresUtc > nowUtc && o.AuthorizationExpiresUtc <= horizon);
            total += await expiring.CountAsync(ct);
            items.AddRange(await expiring.OrderBy(o => o.AuthorizationExpiresUtc).Take(MaxItems)
                .Select(o => new AttentionItem(AttentionKind.ExpiringAuthorization, o.Id, o.SellerOrderId, o.AuthorizationExpiresUtc!.Value,
                    o.AuthorizedAmount - o.CapturedAmount, o.Currency)).ToListAsync(ct));
        }
        foreach (var source in sources)
        {
            var more = await source.GetAsync(nowUtc, ct);
            total += more.Count;
            items.AddRange(more);
        }
        return (items.OrderBy(i => i.DeadlineUtc).Take(MaxItems).ToList(), total);
    }

    private bool Can(Section section)
    {
        try { actor.Demand(section, PermissionLevel.View); return true; }
        catch (ForbiddenException) { return false; }
    }
}
