using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.TestAccounts;

/// <summary>
/// Scripted payment stories. The claim and chargeback stories capture the order first (a case needs captured money),
/// then file the case, so it appears in Performance › A-to-Z claims / Chargebacks with its real deadline.
/// </summary>
public enum SimulationScenario
{
    Approved = 0,
    Declined = 1,
    PendingThenApproved = 2,
    CaptureOnShipment = 3,
    PartialRefund = 4,
    Cancel = 5,
    GuaranteeClaim = 6,
    Chargeback = 7,
}

public sealed record SimulationResult(int Orders, int Declined, IReadOnlyList<string> SellerOrderIds);

/// <summary>
/// Drives the ledger with the same <see cref="LedgerService"/> as real provider events, so simulated orders show up in
/// the reports, the settlement maths and the merchant's IPN endpoint. Sandbox only.
/// </summary>
public sealed class SandboxSimulator(IDbContextFactory<DashboardDbContext> contexts, LedgerService ledger, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxBulkOrders = 500;

    public async Task<SimulationResult> RunAsync(Guid buyerId, Guid instrumentId, long amount, SimulationScenario scenario, CancellationToken ct = default) =>
        await RunBulkAsync(buyerId, instrumentId, amount, scenario, 1, 0, seed: null, ct);

    /// <param name="declineRatePercent">Share of orders (0–100) whose authorization is declined instead of running the scenario.</param>
    public async Task<SimulationResult> RunBulkAsync(Guid buyerId, Guid instrumentId, long amount, SimulationScenario scenario, int count,
        int declineRatePercent, int? seed = null, CancellationToken ct = default)
    {
        actor.Demand(Section.TestAccounts, PermissionLevel.Edit);
        if (count is < 1 or > MaxBulkOrders) throw new DomainRuleException("Error.SimulationCountInvalid", MaxBulkOrders);
        if (declineRatePercent is < 0 or > 100) throw new DomainRuleException("Error.SimulationRateInvalid");
        if (amount <= 0) throw new DomainRuleException("Error.AmountMustBePositive");

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Scope.IsSystem || db.Scope.Environment != PaymentEnvironment.Sandbox) throw new DomainRuleException("Error.SandboxOnly");
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == db.Scope.MerchantId, ct);
        var buyer = await db.TestBuyers.AsNoTracking().FirstOrDefaultAsync(b => b.Id == buyerId, ct) ?? throw new NotFoundException("Test buyer");
        var instrument = buyer.Instruments.FirstOrDefault(i => i.Id == instrumentId) ?? throw new NotFoundException("Test instrument");

        var random = seed is { } s ? new Random(s) : Random.Shared;
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<PaymentEvent>();
        var ids = new List<string>();
        var declined = 0;
        for (var i = 0; i < count; i++)
        {
            var decline = instrument.Kind == TestInstrumentKind.ForceDecline || scenario == SimulationScenario.Declined
                          || random.Next(100) < declineRatePercent;
            if (decline) declined++;
            ids.Add(Script(events, merchant.Id, merchant.Currency, buyer, instrument, amount, scenario, decline, now));
        }
        // One batch: every order of a bulk run lands, or none does.
        await ledger.ApplyAsync(events, ct);
        return new SimulationResult(count, declined, ids);
    }

    /// <summary>The provider decisions the simulator may take on this claim now (from the transition table).</summary>
    public static IReadOnlyList<Claims.ClaimStatus> ClaimDecisions(Claims.ClaimStatus status) =>
        Claims.ClaimTransitions.Decisions.Where(d => Claims.ClaimTransitions.Table.CanMove(status, d)).ToList();

    /// <summary>The issuer's possible decisions on a chargeback in this status (won / lost once contested).</summary>
    public static IReadOnlyList<bool> ChargebackDecisions(Chargebacks.ChargebackStatus status) =>
        Chargebacks.ChargebackTransitions.Table.CanMove(status, Chargebacks.ChargebackStatus.Won) ? [true, false] : [];

    /// <summary>
    /// Plays the provider deciding a Sandbox claim: the same <see cref="GuaranteeClaimDecided"/> event as production, so the
    /// ledger debits (or gives back after a won appeal), notices, IPNs and settlements follow.
    /// </summary>
    public async Task DecideClaimAsync(Guid claimId, Claims.ClaimStatus decision, CancellationToken ct = default)
    {
        var (merchantId, now) = await SandboxAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.GuaranteeClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct) ?? throw new NotFoundException("Claim");
        if (!ClaimDecisions(claim.Status).Contains(decision)) throw new DomainRuleException("Error.NotADecision", decision.ToString());
        await ledger.ApplyAsync(new GuaranteeClaimDecided(merchantId, PaymentEnvironment.Sandbox, $"sim-decision-{Guid.NewGuid():N}", now, claimId, decision), ct);
    }

    /// <summary>Plays the issuer deciding a contested Sandbox chargeback, through <see cref="ChargebackDecided"/>.</summary>
    public async Task DecideChargebackAsync(Guid chargebackId, bool merchantWon, CancellationToken ct = default)
    {
        var (merchantId, now) = await SandboxAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chargeback = await db.Chargebacks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargebackId, ct) ?? throw new NotFoundException("Chargeback");
        if (ChargebackDecisions(chargeback.Status).Count == 0) throw new DomainRuleException("Error.NotADecision", chargeback.Status.ToString());
        await ledger.ApplyAsync(new ChargebackDecided(merchantId, PaymentEnvironment.Sandbox, $"sim-decision-{Guid.NewGuid():N}", now, chargebackId, merchantWon), ct);
    }

    private async Task<(Guid MerchantId, DateTime NowUtc)> SandboxAsync(CancellationToken ct)
    {
        actor.Demand(Section.TestAccounts, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Scope.IsSystem || db.Scope.Environment != PaymentEnvironment.Sandbox) throw new DomainRuleException("Error.SandboxOnly");
        return (db.Scope.MerchantId, clock.GetUtcNow().UtcDateTime);
    }

    private static string Script(List<PaymentEvent> events, Guid merchantId, string currency, TestBuyer buyer, TestInstrument instrument,
        long amount, SimulationScenario scenario, bool decline, DateTime now)
    {
        const PaymentEnvironment env = PaymentEnvironment.Sandbox;
        var order = Guid.NewGuid();
        var tag = order.ToString("N")[..10].ToUpperInvariant();
        string Id(string step) => $"sim-{tag}-{step}";
        var sellerOrderId = $"SIM-{tag}";
        var reference = $"S02-{Digits(order, 0)}-{Digits(order, 7)}";
        // A pending authorization is decided within the 15-minute window: request it ten minutes ago.
        var requestedAt = scenario == SimulationScenario.PendingThenApproved ? now.AddMinutes(-10) : now.AddSeconds(-5);
        events.Add(new PaymentRequested(merchantId, env, Id("req"), requestedAt, order, reference, sellerOrderId, buyer.Name, buyer.Email, amount, currency));
        if (instrument.Kind == TestInstrumentKind.ForcePending) return sellerOrderId;
        if (decline)
        {
            events.Add(new AuthorizationDecided(merchantId, env, Id("auth"), now, order, false, DeclineReason.InvalidPaymentMethod));
            return sellerOrderId;
        }
        events.Add(new AuthorizationDecided(merchantId, env, Id("auth"), now, order, true));
        switch (scenario)
        {
            case SimulationScenario.CaptureOnShipment:
                events.Add(new CaptureRequested(merchantId, env, Id("cap"), now, order, amount, currency));
                break;
            case SimulationScenario.PartialRefund:
                events.Add(new CaptureRequested(merchantId, env, Id("cap"), now, order, amount, currency));
                events.Add(new RefundRequested(merchantId, env, Id("ref"), now, order, Math.Max(1, amount / 2), currency));
                break;
            case SimulationScenario.Cancel:
                events.Add(new CancelRequested(merchantId, env, Id("can"), now, order));
                break;
            case SimulationScenario.GuaranteeClaim:
                events.Add(new CaptureRequested(merchantId, env, Id("cap"), now, order, amount, currency));
                events.Add(new GuaranteeClaimFiled(merchantId, env, Id("claim"), now, order, Guid.NewGuid(), Claims.ClaimReason.NotReceived,
                    amount, "Simulated A-to-Z claim: the order never arrived."));
                break;
            case SimulationScenario.Chargeback:
                events.Add(new CaptureRequested(merchantId, env, Id("cap"), now, order, amount, currency));
                events.Add(new ChargebackFiled(merchantId, env, Id("cb"), now, order, Guid.NewGuid(), Network(instrument), "13.1",
                    "Merchandise/services not received (simulated)", Chargebacks.DisputeType.Service, amount));
                break;
        }
        return sellerOrderId;
    }

    private static string Network(TestInstrument instrument) =>
        instrument.Brand.Length is > 0 and <= Chargebacks.Chargeback.ReasonCodeMaxLength ? instrument.Brand : "Visa";

    private static string Digits(Guid g, int offset)
    {
        var bytes = g.ToByteArray();
        return string.Concat(Enumerable.Range(offset, 7).Select(i => (char)('0' + bytes[i] % 10)));
    }
}
