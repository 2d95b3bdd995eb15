using System.Globalization;
using System.Text;
using System.Xml;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

/// <summary>A typed filter from the query string; nothing from the caller reaches the query as text.</summary>
public sealed record ApiTransactionFilter(DateTime? FromUtc, DateTime? ToUtc, TransactionType? Type, TransactionStatus? Status, int Page, int PageSize)
{
    public const int MaxPageSize = 200;
}

public sealed record ApiTransactionRow(Guid Id, Guid OrderId, string SellerOrderId, string ProviderReferenceId, string Type, string Status,
    long Amount, string Currency, long PercentageFee, long FixedFee, DateTime CreatedUtc, DateTime? CompletedUtc);

public sealed record ApiPage<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);

public sealed record ApiSettlementRow(string SettlementReference, DateTime PeriodStartUtc, DateTime PeriodEndUtc, string Status, string Currency,
    long CapturesTotal, long RefundsTotal, long FeesTotal, long ChargebacksTotal, long PayoutAmount, DateTime? PayoutDateUtc);

/// <summary>
/// The read side of the Reports API. The Reports pages (another branch) will bring their own query services; these
/// few queries are kept small so the endpoints can switch to them. The context's scope is the signing key's
/// merchant and environment, so every query sees that view only.
/// </summary>
public sealed class ReportsApiQueries(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<ApiPage<ApiTransactionRow>> TransactionsAsync(ApiTransactionFilter f, CancellationToken ct = default)
    {
        await using var db = await ScopedAsync(ct);
        var q = db.PaymentTransactions.AsNoTracking();
        if (f.FromUtc is { } from) q = q.Where(t => t.CreatedUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(t => t.CreatedUtc < to);
        if (f.Type is { } type) q = q.Where(t => t.Type == type);
        if (f.Status is { } status) q = q.Where(t => t.Status == status);
        var pageSize = Math.Clamp(f.PageSize, 1, ApiTransactionFilter.MaxPageSize);
        var page = Math.Max(1, f.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new { t.Id, t.OrderId, t.SellerOrderId, t.ProviderReferenceId, t.Type, t.Status, t.Amount, t.Currency, t.PercentageFee, t.FixedFee, t.CreatedUtc, t.CompletedUtc })
            .ToListAsync(ct);
        return new ApiPage<ApiTransactionRow>(page, pageSize, total, rows.Select(t => new ApiTransactionRow(t.Id, t.OrderId, t.SellerOrderId,
            t.ProviderReferenceId, t.Type.ToString(), t.Status.ToString(), t.Amount, t.Currency, t.PercentageFee, t.FixedFee, t.CreatedUtc, t.CompletedUtc)).ToList());
    }

    public async Task<IReadOnlyList<ApiSettlementRow>> SettlementsAsync(CancellationToken ct = default)
    {
        await using var db = await ScopedAsync(ct);
        var rows = await db.Settlements.AsNoTracking().OrderByDescending(s => s.PeriodEndUtc).Take(500).ToListAsync(ct);
        return rows.Select(Row).ToList();
    }

    /// <summary>Seed 003: ERPs reconcile daily from the settlement report, in XML.</summary>
    public async Task<string?> SettlementReportXmlAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await ScopedAsync(ct);
        var s = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(x => x.SettlementReference == reference, ct);
        if (s is null) return null;
        var lines = await db.SettlementLines.AsNoTracking().Where(l => l.SettlementId == s.Id)
            .OrderBy(l => l.TransactionPostedDateUtc).ThenBy(l => l.Id).ToListAsync(ct);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("SettlementReport");
            w.WriteAttributeString("reference", s.SettlementReference);
            w.WriteAttributeString("environment", s.Environment.ToString());
            Element(w, "PeriodStart", Iso(s.PeriodStartUtc));
            Element(w, "PeriodEnd", Iso(s.PeriodEndUtc));
            Element(w, "Status", s.Status.ToString());
            Element(w, "Currency", s.Currency);
            Element(w, "CapturesTotal", Amount(s.CapturesTotal, s.Currency));
            Element(w, "RefundsTotal", Amount(s.RefundsTotal, s.Currency));
            Element(w, "FeesTotal", Amount(s.FeesTotal, s.Currency));
            Element(w, "PayoutAmount", Amount(s.PayoutAmount, s.Currency));
            w.WriteStartElement("Lines");
            foreach (var l in lines)
            {
                w.WriteStartElement("Line");
                Element(w, "PostedDate", Iso(l.TransactionPostedDateUtc));
                Element(w, "TransactionType", l.TransactionType);
                Element(w, "SellerOrderId", l.SellerOrderId ?? "");
                Element(w, "ProviderTransactionId", l.ProviderTransactionId ?? "");
                Element(w, "Amount", Amount(l.TransactionAmount, l.CurrencyCode));
                Element(w, "TotalFee", Amount(l.TotalTransactionFee, l.CurrencyCode));
                Element(w, "NetAmount", Amount(l.NetTransactionAmount, l.CurrencyCode));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    private async Task<DashboardDbContext> ScopedAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        if (db.Scope.IsSystem || db.Scope.MerchantId == Guid.Empty)
        {
            await db.DisposeAsync();
            throw new ForbiddenException("API queries need a key's merchant scope");
        }
        return db;
    }

    private static ApiSettlementRow Row(Settlement s) => new(s.SettlementReference, s.PeriodStartUtc, s.PeriodEndUtc, s.Status.ToString(), s.Currency,
        s.CapturesTotal, s.RefundsTotal, s.FeesTotal, s.ChargebacksTotal, s.PayoutAmount, s.PayoutDateUtc);

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString(name, value);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Amount(long minor, string currency) =>
        Currencies.ToMajor(minor, currency).ToString("F" + Currencies.Exponent(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
