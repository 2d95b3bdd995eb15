using System.Globalization;
using System.Xml;
using Dashboard.Domain.Common;
using Dashboard.Domain.Reports.Payments;
using Dashboard.Domain.Ledger;
using Dashboard.Infrastructure.Export;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Features.Reports.Payments;

/// <summary>
/// The settlement report's columns (the provider's own column names, not translated: ERPs match on them) and the XML
/// settlement report described by docs/settlement-report.md and docs/settlement-report.xsd.
/// </summary>
public static class SettlementExport
{
    public const string XmlNamespace = "urn:seller-central:settlement-report:1";

    public static IReadOnlyList<ExportColumn<SettlementLineRow>> Columns { get; } =
    [
        ExportColumn<SettlementLineRow>.Date("TransactionPostedDate", l => l.TransactionPostedDateUtc),
        ExportColumn<SettlementLineRow>.Text("SettlementId", l => l.SettlementId, 13),
        ExportColumn<SettlementLineRow>.Text("ProviderTransactionId", l => l.ProviderTransactionId, 30),
        ExportColumn<SettlementLineRow>.Text("SellerReferenceId", l => l.SellerReferenceId, 16),
        ExportColumn<SettlementLineRow>.Text("TransactionType", l => l.TransactionType, 16),
        ExportColumn<SettlementLineRow>.Text("OrderReferenceId", l => l.OrderReferenceId, 22),
        ExportColumn<SettlementLineRow>.Text("SellerOrderId", l => l.SellerOrderId, 16),
        ExportColumn<SettlementLineRow>.Money("TransactionAmount", l => l.TransactionAmount, l => l.CurrencyCode),
        ExportColumn<SettlementLineRow>.Money("TransactionPercentageFee", l => l.TransactionPercentageFee, l => l.CurrencyCode),
        ExportColumn<SettlementLineRow>.Money("TransactionFixedFee", l => l.TransactionFixedFee, l => l.CurrencyCode),
        ExportColumn<SettlementLineRow>.Money("TotalTransactionFee", l => l.TotalTransactionFee, l => l.CurrencyCode),
        ExportColumn<SettlementLineRow>.Money("NetTransactionAmount", l => l.NetTransactionAmount, l => l.CurrencyCode),
        ExportColumn<SettlementLineRow>.Text("CurrencyCode", l => l.CurrencyCode, 9),
    ];

    /// <summary>
    /// The settlement list as the Payments page shows it (same columns, same signs), for the Excel export: one row per
    /// settlement, claims beside chargebacks.
    /// </summary>
    public static IReadOnlyList<ExportColumn<SettlementRow>> ListColumns(IStringLocalizer<UiText> L, TimeZoneInfo zone)
    {
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var statuses = Enum.GetValues<SettlementStatus>().ToDictionary(s => s, s => L[$"Reports.SettlementStatus.{s}"].Value);
        return
        [
            ExportColumn<SettlementRow>.Text(L["Reports.SettlementId"], s => s.SettlementReference, 13),
            ExportColumn<SettlementRow>.Date(L["Reports.PeriodStart"], s => Local(s.PeriodStartUtc)),
            ExportColumn<SettlementRow>.Date(L["Reports.PeriodEnd"], s => Local(s.PeriodEndUtc)),
            ExportColumn<SettlementRow>.Text(L["Reports.Col.Status"], s => statuses[s.Status], 12),
            ExportColumn<SettlementRow>.Date(L["Reports.PayoutDate"], s => s.PayoutDateUtc is { } d ? Local(d) : null),
            ExportColumn<SettlementRow>.Money(L["Reports.OpeningBalance"], s => s.OpeningBalance, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Sales"], s => s.Sales, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Fees"], s => s.Fees, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Refunds"], s => s.Refunds, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Chargebacks"], s => s.Chargebacks, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Claims"], s => s.Claims, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.Reserve"], s => s.Reserve, s => s.Currency),
            ExportColumn<SettlementRow>.Money(L["Reports.PayoutAmount"], s => s.PayoutAmount, s => s.Currency),
            ExportColumn<SettlementRow>.Text(L["Reports.Col.Currency"], s => s.Currency, 9),
        ];
    }

    /// <summary>Writes the XML settlement report; times are UTC (xs:dateTime with Z), amounts major units with the currency's decimals.</summary>
    public static async Task<int> WriteXmlAsync(Stream output, string sellerId, PaymentEnvironment environment, SettlementRow s,
        IAsyncEnumerable<SettlementLineRow> lines, CancellationToken ct)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var w = XmlWriter.Create(output, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "SettlementReport", XmlNamespace);
        await w.WriteAttributeStringAsync(null, "version", null, "1");

        await w.WriteStartElementAsync(null, "Header", XmlNamespace);
        await Element(w, "SellerId", sellerId);
        await Element(w, "Environment", environment.ToString());
        await Element(w, "SettlementId", s.SettlementReference);
        await Element(w, "SettlementStartDate", Utc(s.PeriodStartUtc));
        await Element(w, "SettlementEndDate", Utc(s.PeriodEndUtc));
        await Element(w, "Status", s.Status.ToString());
        if (s.PayoutDateUtc is { } payout) await Element(w, "PayoutDate", Utc(payout));
        await Element(w, "CurrencyCode", s.Currency);
        await Element(w, "OpeningBalance", ExportText.Major(s.OpeningBalance, s.Currency));
        await Element(w, "Sales", ExportText.Major(s.Sales, s.Currency));
        await Element(w, "Fees", ExportText.Major(s.Fees, s.Currency));
        await Element(w, "Refunds", ExportText.Major(s.Refunds, s.Currency));
        await Element(w, "Chargebacks", ExportText.Major(s.Chargebacks, s.Currency));
        await Element(w, "Claims", ExportText.Major(s.Claims, s.Currency));
        await Element(w, "Reserve", ExportText.Major(s.Reserve, s.Currency));
        await Element(w, "PayoutAmount", ExportText.Major(s.PayoutAmount, s.Currency));
        await w.WriteEndElementAsync();

        await w.WriteStartElementAsync(null, "Transactions", XmlNamespace);
        var count = 0;
        long net = 0;
        await foreach (var l in lines.WithCancellation(ct))
        {
            await w.WriteStartElementAsync(null, "Transaction", XmlNamespace);
            await Element(w, "TransactionPostedDate", Utc(l.TransactionPostedDateUtc));
            await Element(w, "SettlementId", l.SettlementId);
            await Optional(w, "ProviderTransactionId", l.ProviderTransactionId);
            await Optional(w, "SellerReferenceId", l.SellerReferenceId);
            await Element(w, "TransactionType", l.TransactionType);
            await Optional(w, "OrderReferenceId", l.OrderReferenceId);
            await Optional(w, "SellerOrderId", l.SellerOrderId);
            await Element(w, "TransactionAmount", ExportText.Major(l.TransactionAmount, l.CurrencyCode));
            await Element(w, "TransactionPercentageFee", ExportText.Major(l.TransactionPercentageFee, l.CurrencyCode));
            await Element(w, "TransactionFixedFee", ExportText.Major(l.TransactionFixedFee, l.CurrencyCode));
            await Element(w, "TotalTransactionFee", ExportText.Major(l.TotalTransactionFee, l.CurrencyCode));
            await Element(w, "NetTransactionAmount", ExportText.Major(l.NetTransactionAmount, l.CurrencyCode));
            await Element(w, "CurrencyCode", l.CurrencyCode);
            await w.WriteEndElementAsync();
            count++;
            net += l.NetTransactionAmount;
        }
        await w.WriteEndElementAsync();

        // The trailer lets an importer detect a truncated file.
        await w.WriteStartElementAsync(null, "Trailer", XmlNamespace);
        await Element(w, "TransactionCount", count.ToString(CultureInfo.InvariantCulture));
        await Element(w, "NetTotal", ExportText.Major(net, s.Currency));
        await w.WriteEndElementAsync();

        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
        return count;
    }

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Task Element(XmlWriter w, string name, string value) => w.WriteElementStringAsync(null, name, XmlNamespace, value);

    private static Task Optional(XmlWriter w, string name, string? value) => value is null ? Task.CompletedTask : Element(w, name, value);
}
