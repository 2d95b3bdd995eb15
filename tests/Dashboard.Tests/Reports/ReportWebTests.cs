using System.Net;
using System.Xml;
using System.Xml.Schema;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Reports;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Localization;
using Dashboard.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Reports;

[Collection(ReportsCollection.Name)]
public sealed class ReportWebTests(ReportsFactory factory)
{
    private async Task<HttpClient> SignedInAsync(DemoDataSeeder.DemoUser user)
    {
        var client = factory.CreateHttpsClient();
        var response = await Forms.SignInAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<Guid> MerchantIdAsync(string country)
    {
        await using var db = factory.SystemDb();
        return await db.Merchants.Where(m => m.CountryCode == country).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_excel_export_holds_every_row_of_the_current_view_with_typed_cells()
    {
        using var client = await SignedInAsync(DemoDataSeeder.Admin);
        var response = await client.GetAsync("/exports/transactions.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "exports must not be cached");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);

        // The rows the admin's view (French merchant, Production, last 30 days in Europe/Paris) holds.
        var france = await MerchantIdAsync("FR");
        var range = ReportDateRange.Resolve(DateRangePreset.Last30Days, null, null, DisplayFormat.Resolve(DemoDataSeeder.Admin.TimeZone), DateTime.UtcNow);
        await using var db = factory.SystemDb();
        var expected = await db.PaymentTransactions.CountAsync(t => t.MerchantId == france && t.Environment == PaymentEnvironment.Production
                                                                     && t.CreatedUtc >= range.FromUtc && t.CreatedUtc < range.ToUtc);
        Assert.True(expected > 50, "the demo data should have a few days of activity");

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var headerIndex = rows.FindIndex(r => r.Elements<Cell>().Count() > 5);
        Assert.Equal(expected, rows.Count - headerIndex - 1);
        Assert.Contains(rows.Take(headerIndex), r => r.InnerText.Contains(DemoDataSeeder.FrenchMerchantName, StringComparison.Ordinal));
        Assert.Contains(rows.Take(headerIndex), r => r.InnerText.Contains("Europe/Paris", StringComparison.Ordinal));

        var first = rows[headerIndex + 1].Elements<Cell>().ToList();
        Assert.Null(first[0].DataType);   // the local date: a number with a date style
        Assert.Null(first[1].DataType);   // its UTC twin
        Assert.Equal(CellValues.InlineString, first[2].DataType!.Value);
        Assert.Null(first[4].DataType);   // the amount
        Assert.Matches(@"^-?\d+\.\d{2}$", first[4].CellValue!.Text);   // euros keep their cents
        Assert.Equal("EUR", first[5].InnerText);
    }

    [Fact]
    public async Task A_filtered_csv_export_holds_only_the_filtered_rows_and_is_audited()
    {
        using var client = await SignedInAsync(DemoDataSeeder.Admin);
        var response = await client.GetAsync("/exports/transactions.csv?preset=Last90Days&type=Capture&status=Completed&bom=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 10);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Capture,Completed,", l, StringComparison.Ordinal));

        await using var db = factory.SystemDb();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.ReportExported && e.ActorName == DemoDataSeeder.Admin.Email)
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.True(audit.Success);
        Assert.Contains("type=Capture", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"rows={lines.Length - 1}", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_require_the_section_permission()
    {
        using var anonymous = factory.CreateHttpsClient();
        var response = await anonymous.GetAsync("/exports/transactions.xlsx");
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

        // The staff user may view transactions but not payments.
        using var staff = await SignedInAsync(DemoDataSeeder.Staff);
        await using var db = factory.SystemDb();
        var france = await MerchantIdAsync("FR");
        var settlement = await db.Settlements.Where(s => s.MerchantId == france && s.Environment == PaymentEnvironment.Production).Select(s => s.Id).FirstAsync();
        var denied = await staff.GetAsync($"/exports/settlements/{settlement}.xml");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Contains("access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_merchants_order_and_settlement_answer_404()
    {
        var japan = await MerchantIdAsync("JP");
        await using var db = factory.SystemDb();
        var order = await db.PaymentOrders.Where(o => o.MerchantId == japan && o.Environment == PaymentEnvironment.Production).Select(o => o.Id).FirstAsync();
        var settlement = await db.Settlements.Where(s => s.MerchantId == japan && s.Environment == PaymentEnvironment.Production).Select(s => s.Id).FirstAsync();

        using var staff = await SignedInAsync(DemoDataSeeder.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/reports/transactions/orders/{order}")).StatusCode);
        var csv = await staff.GetStringAsync("/exports/transactions.csv?preset=Last90Days");
        var reference = await db.PaymentOrders.Where(o => o.Id == order).Select(o => o.ProviderReferenceId).SingleAsync();
        Assert.DoesNotContain(reference, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("JPY", csv, StringComparison.Ordinal);

        // The admin, viewing the French merchant, does not reach the Japanese settlement either.
        using var admin = await SignedInAsync(DemoDataSeeder.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/exports/settlements/{settlement}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/reports/payments/settlements/{settlement}")).StatusCode);

        var french = await db.PaymentOrders.Where(o => o.MerchantId != japan && o.Environment == PaymentEnvironment.Production).Select(o => o.Id).FirstAsync();
        var page = await staff.GetAsync($"/reports/transactions/orders/{french}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"order-timeline\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settlement_xml_validates_against_the_published_schema_and_matches_the_statement()
    {
        var france = await MerchantIdAsync("FR");
        await using var db = factory.SystemDb();
        var settlement = await db.Settlements.Include(s => s.Lines)
            .Where(s => s.MerchantId == france && s.Environment == PaymentEnvironment.Production)
            .OrderByDescending(s => s.Lines.Count).FirstAsync();

        using var accountant = await SignedInAsync(DemoDataSeeder.Accountant);
        var response = await accountant.GetAsync($"/exports/settlements/{settlement.Id}.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "exports must not be cached");

        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(RepositoryRoot(), "docs", "settlement-report.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        var document = new XmlDocument();
        using (var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), settings)) document.Load(reader);
        Assert.Empty(errors);

        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("s", "urn:seller-central:settlement-report:1");
        Assert.Equal(settlement.Lines.Count, document.SelectNodes("//s:Transaction", ns)!.Count);
        Assert.Equal(settlement.SettlementReference, document.SelectSingleNode("//s:Header/s:SettlementId", ns)!.InnerText);
        Assert.Equal(settlement.Lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), document.SelectSingleNode("//s:Trailer/s:TransactionCount", ns)!.InnerText);
        // Claims charged to the merchant have their own header total, as on the statement and in the Excel list.
        Assert.Equal("EUR", settlement.Currency);
        Assert.Equal((settlement.ClaimsTotal / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            document.SelectSingleNode("//s:Header/s:Claims", ns)!.InnerText);

        var statement = await accountant.GetAsync($"/reports/payments/settlements/{settlement.Id}");
        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        Assert.Contains("reconciliation-ok", await statement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settlement_list_export_has_a_claims_column_beside_chargebacks_equal_to_the_settlements()
    {
        var france = await MerchantIdAsync("FR");
        await using var db = factory.SystemDb();
        var cutoff = DateTime.UtcNow.AddDays(-90);
        var expected = await db.Settlements.Where(s => s.MerchantId == france && s.Environment == PaymentEnvironment.Production && s.PeriodEndUtc > cutoff)
            .OrderByDescending(s => s.PeriodEndUtc).Select(s => new { s.SettlementReference, s.ChargebacksTotal, s.ClaimsTotal }).ToListAsync();
        Assert.NotEmpty(expected);

        using var client = await SignedInAsync(DemoDataSeeder.Admin);
        var response = await client.GetAsync("/exports/settlements.xlsx?preset=Last90Days");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var headerIndex = rows.FindIndex(r => r.Elements<Cell>().Count() > 5);
        var headers = rows[headerIndex].Elements<Cell>().Select(c => c.InnerText).ToList();
        var chargebacks = headers.IndexOf("Chargebacks");
        var claims = headers.IndexOf("A-to-z claims");
        Assert.Equal(chargebacks + 1, claims);

        var data = rows.Skip(headerIndex + 1).Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(expected.Select(e => e.SettlementReference), data.Select(c => c[0].InnerText));
        static string Major(long minor) => (minor / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected.Select(e => Major(e.ChargebacksTotal)), data.Select(c => decimal.Parse(c[chargebacks].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Select(e => Major(e.ClaimsTotal)), data.Select(c => decimal.Parse(c[claims].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(data[0][claims].DataType);   // a number, not text
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found");
    }
}
