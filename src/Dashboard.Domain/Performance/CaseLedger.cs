using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Persistence;

namespace Dashboard.Domain.Performance;

/// <summary>
/// The money side of claims and chargebacks, shared by the ledger (provider events), the merchant's actions and the
/// deadline job, so each path debits the same way: never more than the buyer still has paid.
/// </summary>
internal static class CaseLedger
{
    public static void FileClaim(DashboardDbContext db, GuaranteeClaimFiled e, PaymentOrder order, PerformanceSettings settings)
    {
        if (e.Amount <= 0 || e.Amount > order.CapturedAmount)
            throw new Common.DomainRuleException("Error.ClaimExceedsCaptured", e.Amount, order.CapturedAmount);
        var sameOrder = db.GuaranteeClaims.Local.Count(c => c.OrderId == order.Id);
        var claim = new GuaranteeClaim(e.ClaimId, e.MerchantId, e.Environment, order.Id, order.SellerOrderId,
            $"{order.ProviderReferenceId}-AZ{sameOrder + 1}", e.Reason, e.Amount, order.Currency, e.BuyerStatement,
            e.OccurredUtc, settings.ClaimRespondBy(e.OccurredUtc));
        db.GuaranteeClaims.Add(claim);
        db.PerformanceNotices.Add(new PerformanceNotice(e.MerchantId, e.Environment, NoticeType.ClaimFiled,
            $"claim-filed-{claim.Id:N}", order.SellerOrderId, claim.Id, e.OccurredUtc));
    }

    public static void FileChargeback(DashboardDbContext db, ChargebackFiled e, PaymentOrder order, PerformanceSettings settings)
    {
        if (e.Amount <= 0 || e.Amount > order.CapturedAmount)
            throw new Common.DomainRuleException("Error.ClaimExceedsCaptured", e.Amount, order.CapturedAmount);
        var chargeback = new Chargeback(e.ChargebackId, e.MerchantId, e.Environment, order.Id, order.SellerOrderId,
            $"{order.ProviderReferenceId}-CB{db.Chargebacks.Local.Count(c => c.OrderId == order.Id) + 1}", e.Network, e.ReasonCode,
            e.ReasonDescription, e.DisputeType, e.Amount, ChargebackFees.For(order.Currency), order.Currency, e.OccurredUtc,
            settings.ChargebackRespondBy(e.OccurredUtc), settings.ChargebackEvidenceDue(e.OccurredUtc));
        db.Chargebacks.Add(chargeback);
        db.PerformanceNotices.Add(new PerformanceNotice(e.MerchantId, e.Environment, NoticeType.ChargebackReceived,
            $"chargeback-filed-{chargeback.Id:N}", order.SellerOrderId, chargeback.Id, e.OccurredUtc));
    }

    public static void DecideClaim(DashboardDbContext db, GuaranteeClaim claim, PaymentOrder order, ClaimStatus decision, DateTime nowUtc)
    {
        var debit = decision == ClaimStatus.Granted ? Math.Min(claim.OutstandingAmount, order.RemainingRefundable) : 0;
        // A won appeal gives back what the granted claim debited; it settles as a reversal line.
        var reversal = decision == ClaimStatus.AppealWon ? Math.Min(claim.ReversibleAmount, order.ClaimDebitedAmount) : 0;
        claim.Decide(decision, debit, nowUtc, reversal);
        if (debit > 0) db.PaymentTransactions.Add(order.DebitClaim(debit, nowUtc));
        if (reversal > 0) db.PaymentTransactions.Add(order.ReverseClaimDebit(reversal, nowUtc));
        db.PerformanceNotices.Add(new PerformanceNotice(claim.MerchantId, claim.Environment, NoticeType.ClaimDecided,
            $"claim-decided-{claim.Id:N}-{decision}", claim.SellerOrderId, claim.Id, nowUtc));
    }

    public static void AutoAssignClaim(DashboardDbContext db, GuaranteeClaim claim, PaymentOrder order, DateTime nowUtc)
    {
        var debit = Math.Min(claim.OutstandingAmount, order.RemainingRefundable);
        claim.AutoAssign(debit, nowUtc);
        if (debit > 0) db.PaymentTransactions.Add(order.DebitClaim(debit, nowUtc));
        db.PerformanceNotices.Add(new PerformanceNotice(claim.MerchantId, claim.Environment, NoticeType.ClaimAutoAssigned,
            $"claim-assigned-{claim.Id:N}", claim.SellerOrderId, claim.Id, nowUtc));
    }

    /// <summary>Accepted, lost or expired: the disputed amount (capped) goes back and the fee is charged.</summary>
    public static void DebitChargeback(DashboardDbContext db, Chargeback chargeback, PaymentOrder order, DateTime nowUtc)
    {
        var amount = Math.Min(chargeback.DisputedAmount, order.RemainingRefundable);
        if (amount > 0) db.PaymentTransactions.Add(order.Chargeback(amount, chargeback.Fee, nowUtc));
    }

    public static void DecideChargeback(DashboardDbContext db, Chargeback chargeback, PaymentOrder order, bool merchantWon, DateTime nowUtc)
    {
        chargeback.Decide(merchantWon, nowUtc);
        if (!merchantWon) DebitChargeback(db, chargeback, order, nowUtc);
        db.PerformanceNotices.Add(new PerformanceNotice(chargeback.MerchantId, chargeback.Environment, NoticeType.ChargebackDecided,
            $"chargeback-decided-{chargeback.Id:N}", chargeback.SellerOrderId, chargeback.Id, nowUtc));
    }
}
