using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Reports.Payments;

/// <summary>One settlement as the settlement list shows it. Amounts are minor units of <see cref="Currency"/>, signed as on the statement.</summary>
public sealed record SettlementRow(
    Guid Id,
    string SettlementReference,
    DateTime PeriodStartUtc,
    DateTime PeriodEndUtc,
    SettlementStatus Status,
    DateTime? PayoutDateUtc,
    long OpeningBalance,
    long Sales,
    long Fees,
    long Refunds,
    long Chargebacks,
    long Claims,
    long Reserve,
    long PayoutAmount,
    string Currency);

/// <summary>One line of a settlement report, with the report's own column names.</summary>
public sealed record SettlementLineRow(
    DateTime TransactionPostedDateUtc,
    string SettlementId,
    string? ProviderTransactionId,
    string? SellerReferenceId,
    string TransactionType,
    string? OrderReferenceId,
    string? SellerOrderId,
    long TransactionAmount,
    long TransactionPercentageFee,
    long TransactionFixedFee,
    long TotalTransactionFee,
    long NetTransactionAmount,
    string CurrencyCode);

public enum ReconciliationCheck
{
    /// <summary>The lines (reserve included) sum to the payout plus any negative balance carried forward.</summary>
    LinesSumToPayout = 0,

    /// <summary>The Transfer line pays exactly the payout amount.</summary>
    TransferMatchesPayout = 1,

    /// <summary>Every capture settled here appears exactly once, and no completed capture of the period was left out.</summary>
    EveryCaptureOnce = 2,

    /// <summary>Every capture's fees equal the pricing agreed for its order.</summary>
    FeesMatchSchedule = 3,
}

/// <summary>One check's outcome. <see cref="Expected"/> and <see cref="Actual"/> are minor units or counts, shown on a mismatch.</summary>
public sealed record ReconciliationResult(ReconciliationCheck Check, bool Passed, long Expected, long Actual, IReadOnlyList<string> Offenders);

public sealed record SettlementStatement(SettlementRow Settlement, IReadOnlyList<SettlementLineRow> Lines, IReadOnlyList<ReconciliationResult> Reconciliation)
{
    public bool Reconciles => Reconciliation.All(r => r.Passed);
}

/// <summary>A capture as the reconciliation sees it: its id, the settlement it was booked to and the fee it should carry.</summary>
public sealed record SettledCapture(Guid TransactionId, string ProviderReferenceId, long Amount, Guid? SettlementId, DateTime CompletedUtc, FeeRate AgreedRate);

/// <summary>The arithmetic of the reconciliation, free of the database so it can be tested line by line.</summary>
public static class SettlementReconciliation
{
    public const int MaxOffendersListed = 20;

    /// <param name="captures">Captures booked to this settlement, and completed captures of its period that no settlement holds.</param>
    public static IReadOnlyList<ReconciliationResult> Check(SettlementRow s, IReadOnlyList<SettlementLineRow> lines,
        IReadOnlyList<SettlementLineLink> links, IReadOnlyList<SettledCapture> captures, long balanceCarriedForward)
    {
        var results = new List<ReconciliationResult>(4);

        var beforeTransfer = lines.Where(l => l.TransactionType != SettlementLine.Types.Transfer).Sum(l => l.NetTransactionAmount);
        var expected = s.PayoutAmount + balanceCarriedForward;
        results.Add(new(ReconciliationCheck.LinesSumToPayout, beforeTransfer == expected, expected, beforeTransfer, []));

        var transfer = lines.Where(l => l.TransactionType == SettlementLine.Types.Transfer).ToList();
        var paid = -transfer.Sum(l => l.NetTransactionAmount);
        results.Add(new(ReconciliationCheck.TransferMatchesPayout, transfer.Count == 1 && paid == s.PayoutAmount, s.PayoutAmount, paid, []));

        var booked = captures.Where(c => c.SettlementId == s.Id).ToList();
        var lineCounts = links.Where(l => l.TransactionType == SettlementLine.Types.Capture && l.PaymentTransactionId is not null)
            .GroupBy(l => l.PaymentTransactionId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var offenders = booked.Where(c => lineCounts.GetValueOrDefault(c.TransactionId) != 1).Select(c => c.ProviderReferenceId)
            .Concat(lineCounts.Keys.Where(id => booked.All(c => c.TransactionId != id)).Select(id => id.ToString()))
            .Concat(captures.Where(c => c.SettlementId is null && c.CompletedUtc < s.PeriodEndUtc).Select(c => c.ProviderReferenceId))
            .ToList();
        results.Add(new(ReconciliationCheck.EveryCaptureOnce, offenders.Count == 0, booked.Count, lineCounts.Values.Sum(),
            offenders.Take(MaxOffendersListed).ToList()));

        var byTransaction = booked.ToDictionary(c => c.TransactionId);
        long expectedFees = 0, actualFees = 0;
        var feeOffenders = new List<string>();
        foreach (var link in links.Where(l => l.TransactionType == SettlementLine.Types.Capture && l.PaymentTransactionId is not null))
        {
            if (!byTransaction.TryGetValue(link.PaymentTransactionId!.Value, out var capture)) continue;
            // Capture fees are charged: on the statement they are negative.
            var due = -(capture.AgreedRate.PercentageOf(capture.Amount) + capture.AgreedRate.FixedFee);
            expectedFees += due;
            actualFees += link.TotalTransactionFee;
            if (due != link.TotalTransactionFee || link.TransactionAmount != capture.Amount) feeOffenders.Add(capture.ProviderReferenceId);
        }
        results.Add(new(ReconciliationCheck.FeesMatchSchedule, feeOffenders.Count == 0, expectedFees, actualFees,
            feeOffenders.Take(MaxOffendersListed).ToList()));
        return results;
    }
}

/// <summary>The part of a line the capture check needs: which transaction it books.</summary>
public sealed record SettlementLineLink(Guid? PaymentTransactionId, string TransactionType, long TransactionAmount, long TotalTransactionFee);
