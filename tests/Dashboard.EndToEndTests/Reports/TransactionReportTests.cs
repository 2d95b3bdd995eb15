using System.Text.RegularExpressions;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Reports;

[Collection(BrowserCollection.Name)]
public sealed partial class TransactionReportTests(BrowserFixture fixture)
{
    // Visible grid columns: date, type, status, amount, seller order id, provider reference id, buyer.
    private const int SellerOrderColumn = 4, ProviderReferenceColumn = 5;
    // In the workbook: the provider reference id is the 10th column (J).
    private const int WorkbookProviderReferenceColumn = 9;

    [Fact]
    public async Task The_excel_export_holds_exactly_the_rows_of_the_filtered_grid()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.Page.GotoAsync("/reports/transactions?type=Capture&preset=Last90Days");
        await s.WaitForInteractiveAsync();
        var rows = s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync("Capture");

        var count = await RowCountAsync(s.Page);
        var gridReferences = new List<string>();
        for (var i = 0; i < 3; i++) gridReferences.Add((await rows.Nth(i).Locator("td").Nth(ProviderReferenceColumn).InnerTextAsync()).Trim());

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.ClickAsync("[data-testid=export-xlsx]"));
        var path = Path.Combine(Path.GetTempPath(), $"transactions-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            var sheetRows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            var header = sheetRows.FindIndex(r => r.Elements<Cell>().Count() > 5);
            var data = sheetRows.Skip(header + 1).ToList();
            Assert.Equal(count, data.Count);
            Assert.Equal(gridReferences, data.Take(3).Select(r => r.Elements<Cell>().ElementAt(WorkbookProviderReferenceColumn).InnerText));
        }
        finally
        {
            File.Delete(path);
        }
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Searching_an_order_keeps_the_filter_in_the_address_and_opens_its_timeline()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.Page.GotoAsync("/reports/transactions?type=Capture");
        await s.WaitForInteractiveAsync();
        var rows = s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var sellerOrderId = (await rows.First.Locator("td").Nth(SellerOrderColumn).InnerTextAsync()).Trim();

        // Clear the type filter and search by the seller order id: the authorization and its capture(s) remain.
        await s.Page.ClickAsync("[data-testid=filter-reset]");
        await s.Page.WaitForURLAsync(url => !url.Contains("type=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await s.Page.FillAsync("[data-testid=filter-search]", sellerOrderId);
        await s.Page.ClickAsync("[data-testid=filter-apply]");
        await s.Page.WaitForURLAsync(url => url.Contains($"q={sellerOrderId}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        await Assertions.Expect(rows.Locator("td:nth-child(5)").Filter(new() { HasNotTextString = sellerOrderId })).ToHaveCountAsync(0);
        Assert.True(await rows.CountAsync() >= 2);
        await s.ScreenshotAsync("transactions-search");

        await rows.First.Locator("[data-testid=order-link]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/reports/transactions/orders/"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(s.Page.Locator("h1.page-heading")).ToContainTextAsync(sellerOrderId);
        var timeline = s.Page.Locator("[data-testid=timeline-entry]");
        await Assertions.Expect(timeline.First).ToContainTextAsync("Authorization");
        Assert.True(await timeline.CountAsync() >= 2);
        await s.ScreenshotAsync("order-timeline");

        // Back: the search is still in the address and in the grid.
        await s.Page.GoBackAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=filter-search]")).ToHaveValueAsync(sellerOrderId);
        s.AssertNoErrors();
    }

    private static async Task<int> RowCountAsync(IPage page)
    {
        var text = await page.Locator("[data-testid=row-count]").InnerTextAsync();
        return int.Parse(Digits().Replace(text, ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
