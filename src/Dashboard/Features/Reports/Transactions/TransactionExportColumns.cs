using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Infrastructure.Export;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Features.Reports.Transactions;

/// <summary>The transactions report's columns, in the grid's order, each timestamp with its UTC twin.</summary>
public static class TransactionExportColumns
{
    public static IReadOnlyList<ExportColumn<TransactionRow>> For(IStringLocalizer<UiText> L, TimeZoneInfo zone)
    {
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        // Looked up once, not once per row: an export can hold millions of rows.
        var types = Enum.GetValues<TransactionType>().ToDictionary(t => t, t => L[$"Reports.Type.{t}"].Value);
        var statuses = Enum.GetValues<TransactionStatus>().ToDictionary(s => s, s => L[$"Reports.Status.{s}"].Value);
        return
        [
            ExportColumn<TransactionRow>.Date(L["Reports.Col.Date"], r => Local(r.CreatedUtc)),
            ExportColumn<TransactionRow>.Date(L["Reports.Col.DateUtc"], r => r.CreatedUtc),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.Type"], r => types[r.Type], 16),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.Status"], r => statuses[r.Status], 14),
            ExportColumn<TransactionRow>.Money(L["Reports.Col.Amount"], r => r.Amount, r => r.Currency),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.Currency"], r => r.Currency, 9),
            ExportColumn<TransactionRow>.Money(L["Reports.Col.PercentageFee"], r => r.PercentageFee, r => r.Currency),
            ExportColumn<TransactionRow>.Money(L["Reports.Col.FixedFee"], r => r.FixedFee, r => r.Currency),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.SellerOrderId"], r => r.SellerOrderId, 16),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.ProviderReferenceId"], r => r.ProviderReferenceId, 30),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.OrderReferenceId"], r => r.OrderReferenceId, 22),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.BuyerEmail"], r => r.BuyerEmail, 30),
            ExportColumn<TransactionRow>.Text(L["Reports.Col.ReasonCode"], r => r.ReasonCode, 22),
            ExportColumn<TransactionRow>.Date(L["Reports.Col.Completed"], r => r.CompletedUtc is { } c ? Local(c) : null),
            ExportColumn<TransactionRow>.Date(L["Reports.Col.CompletedUtc"], r => r.CompletedUtc),
        ];
    }
}
