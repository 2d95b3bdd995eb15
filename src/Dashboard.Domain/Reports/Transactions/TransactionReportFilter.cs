using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Reports.Transactions;

/// <summary>
/// What the transactions report shows. Typed, never a query string from the browser: a merchant can narrow its own
/// rows but never widen the query. Amounts are minor units of the merchant's currency.
/// </summary>
public sealed record TransactionReportFilter(
    DateTime FromUtc,
    DateTime ToUtc,
    IReadOnlyList<TransactionStatus>? Statuses = null,
    IReadOnlyList<TransactionType>? Types = null,
    long? MinAmount = null,
    long? MaxAmount = null,
    string? Search = null)
{
    public const int SearchMaxLength = 254;
}

/// <summary>The columns the report can be sorted by: a whitelist, so a sort never reaches the database as text.</summary>
public enum TransactionSortField
{
    Date = 0,
    Amount = 1,
    Type = 2,
    Status = 3,
    SellerOrderId = 4,
    ProviderReferenceId = 5,
}

public sealed record TransactionSort(TransactionSortField Field = TransactionSortField.Date, bool Descending = true)
{
    public static TransactionSort Default { get; } = new();
}

/// <summary>One transaction as the report shows and exports it.</summary>
public sealed record TransactionRow(
    Guid Id,
    Guid OrderId,
    DateTime CreatedUtc,
    DateTime? CompletedUtc,
    TransactionType Type,
    TransactionStatus Status,
    long Amount,
    string Currency,
    long PercentageFee,
    long FixedFee,
    string SellerOrderId,
    string ProviderReferenceId,
    string OrderReferenceId,
    string BuyerEmail,
    string? ReasonCode,
    Guid? SettlementId);
