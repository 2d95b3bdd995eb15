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
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions?type=Capture&preset=Last90Days");
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
    public async Task The_filter_bar_applies_period_types_statuses_and_amounts_with_the_keyboard()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions");
        var rows = s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // Every control has a visible label that names it.
        await Assertions.Expect(s.Page.GetByLabel("Period")).ToHaveValueAsync("Last30Days");
        await Assertions.Expect(s.Page.Locator("[data-testid=filter-type] button")).ToHaveAccessibleNameAsync("Type All");
        await Assertions.Expect(s.Page.GetByLabel("Min. amount")).ToBeVisibleAsync();

        await s.Page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "Last 90 days" });
        // The type choice opens and ticks from the keyboard; closed, its items are not shown.
        var types = s.Page.Locator("[data-testid=filter-type]");
        await Assertions.Expect(types.GetByLabel("Refund", new() { Exact = true })).Not.ToBeVisibleAsync();
        await types.Locator("button").FocusAsync();
        await s.Page.Keyboard.PressAsync("Enter");
        await types.GetByLabel("Capture", new() { Exact = true }).FocusAsync();
        await s.Page.Keyboard.PressAsync("Space");
        await types.GetByLabel("Refund", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(types.Locator("button")).ToHaveTextAsync("Capture, Refund");
        await s.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(types.GetByLabel("Refund", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(types.Locator("button")).ToBeFocusedAsync();
        await Assertions.Expect(types.Locator("button")).ToHaveAttributeAsync("aria-expanded", "false");
        await s.Page.Locator("[data-testid=filter-status] button").ClickAsync();
        await s.Page.Locator("[data-testid=filter-status]").GetByLabel("Completed", new() { Exact = true }).CheckAsync();
        await s.Page.GetByLabel("Min. amount").FillAsync("1.5");
        await s.Page.ClickAsync("[data-testid=filter-apply]");

        await s.Page.WaitForURLAsync(url => Uri.UnescapeDataString(url) is var u && u.Contains("preset=Last90Days", StringComparison.Ordinal)
            && u.Contains("type=Capture,Refund", StringComparison.Ordinal) && u.Contains("status=Completed", StringComparison.Ordinal)
            && u.Contains("min=1.5", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(rows.Locator("td:nth-child(2)").Filter(new() { HasTextRegex = new Regex("^(Capture|Refund)$") })).ToHaveCountAsync(await rows.CountAsync());
        await Assertions.Expect(rows.Locator("td:nth-child(3)").Filter(new() { HasNotTextString = "Completed" })).ToHaveCountAsync(0);

        // Reset empties the choices again.
        await s.Page.ClickAsync("[data-testid=filter-reset]");
        await s.Page.WaitForURLAsync(url => !url.Contains("type=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(types.Locator("button")).ToHaveTextAsync("All");
        await Assertions.Expect(s.Page.GetByLabel("Period")).ToHaveValueAsync("Last30Days");
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Searching_an_order_keeps_the_filter_in_the_address_and_opens_its_timeline()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions?type=Capture");
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

    [Fact]
    public async Task The_open_authorizations_tab_shows_its_age_groups_and_the_first_tab_brings_the_report_back()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions");
        var allTab = s.Page.GetByRole(AriaRole.Tab, new() { Name = "All transactions" });
        var openTab = s.Page.GetByRole(AriaRole.Tab, new() { Name = "Open authorizations" });
        await Assertions.Expect(allTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row").First).ToBeVisibleAsync();

        await openTab.ClickAsync();
        await Assertions.Expect(openTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(s.Page.Locator("[data-testid=open-auth-rule]")).ToContainTextAsync("days");
        await Assertions.Expect(s.Page.Locator("[data-testid=open-auth-ExpiringSoon]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=open-auth-grid]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=transactions-grid]")).ToHaveCountAsync(0);
        await s.ScreenshotAsync("transactions-open-authorizations");

        // Back with the keyboard: the tabs are buttons.
        await allTab.FocusAsync();
        await s.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(allTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row").First).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=open-auth-grid]")).ToHaveCountAsync(0);
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Sorting_paging_the_column_picker_and_a_saved_view_change_what_the_table_shows()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions?preset=Last90Days");
        var grid = s.Page.Locator("[data-testid=transactions-grid]");
        var rows = grid.Locator("tbody tr.rz-data-row");
        var loading = grid.Locator(".rz-datatable-loading");   // shown while a page of rows is read
        await Assertions.Expect(rows).ToHaveCountAsync(50);

        // Newest first by default, and the date header says so.
        var dateHeader = grid.Locator("thead th", new() { HasTextString = "Date" });
        await Assertions.Expect(dateHeader).ToHaveAttributeAsync("aria-sort", "descending");

        // Sort by amount: ascending, then descending; the arrow, the address and the amounts on screen follow.
        var amountHeader = grid.Locator("thead th", new() { HasTextString = "Amount" });
        await amountHeader.Locator(".rz-column-title").ClickAsync();
        await s.Page.WaitForURLAsync(url => url.Contains("sort=Amount", StringComparison.Ordinal) && url.Contains("desc=false", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(loading).ToHaveCountAsync(0);
        await Assertions.Expect(amountHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(amountHeader.Locator(".rzi-sort-asc")).ToHaveCountAsync(1);
        await Assertions.Expect(dateHeader).Not.ToHaveAttributeAsync("aria-sort", new Regex("."));
        var ascending = await AmountsAsync(rows);
        Assert.Equal(ascending.Order().ToList(), ascending);

        await amountHeader.Locator(".rz-column-title").ClickAsync();
        await s.Page.WaitForURLAsync(url => url.Contains("desc=true", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(amountHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(loading).ToHaveCountAsync(0);
        var descending = await AmountsAsync(rows);
        Assert.Equal(descending.OrderDescending().ToList(), descending);
        Assert.True(descending[0] > ascending[0], "the largest amount comes first once sorted descending");
        await s.ScreenshotAsync("transactions-sorted");

        // Next page: other rows, still in descending order below the first page's last amount.
        var summary = grid.Locator("[data-testid=pager-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Page 1 of");
        var firstRow = await rows.First.InnerTextAsync();
        await grid.Locator(".rz-pager-next").ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Page 2 of");
        await Assertions.Expect(loading).ToHaveCountAsync(0);
        await Assertions.Expect(rows.First).Not.ToHaveTextAsync(firstRow);
        var secondPage = await AmountsAsync(rows);
        Assert.Equal(secondPage.OrderDescending().ToList(), secondPage);
        Assert.True(secondPage[0] <= descending[^1]);

        // Column picker: the reason code is hidden by default; showing it adds its header and a cell to every row,
        // hiding the buyer's e-mail removes them.
        var reasonHeader = grid.Locator("thead th", new() { HasTextString = "Reason code" });
        var buyerHeader = grid.Locator("thead th", new() { HasTextString = "Buyer" });
        await Assertions.Expect(reasonHeader).ToHaveCountAsync(0);
        var cells = await rows.First.Locator("td").CountAsync();
        await grid.Locator("[data-testid=column-picker] summary").ClickAsync();
        await grid.Locator("[data-testid=column-toggle-ReasonCode]").CheckAsync();
        await Assertions.Expect(reasonHeader).ToBeVisibleAsync();
        await Assertions.Expect(rows.First.Locator("td")).ToHaveCountAsync(cells + 1);
        await grid.Locator("[data-testid=column-toggle-BuyerEmail]").UncheckAsync();
        await Assertions.Expect(buyerHeader).ToHaveCountAsync(0);
        await Assertions.Expect(rows.First.Locator("td")).ToHaveCountAsync(cells);
        await s.ScreenshotAsync("transactions-columns");

        // A saved view keeps the columns and the sort: a fresh visit shows the defaults, applying the view brings them back.
        var name = $"Columns {Guid.NewGuid():N}"[..20];
        await s.Page.FillAsync("[data-testid=saved-view-name]", name);
        await s.Page.PressAsync("[data-testid=saved-view-name]", "Tab");   // the text box takes its value on change
        await s.Page.ClickAsync("[data-testid=saved-view-save]");
        await Assertions.Expect(s.Page.Locator("[data-testid=saved-view-delete]")).ToBeVisibleAsync();
        await s.Page.GotoAsync("/reports/transactions");
        await s.WaitForInteractiveAsync();
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(reasonHeader).ToHaveCountAsync(0);
        await Assertions.Expect(buyerHeader).ToBeVisibleAsync();
        await s.Page.SelectOptionAsync("[data-testid=saved-view-select]", new SelectOptionValue { Label = name });
        await s.Page.WaitForURLAsync(url => url.Contains("sort=Amount", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(reasonHeader).ToBeVisibleAsync();
        await Assertions.Expect(buyerHeader).ToHaveCountAsync(0);
        await Assertions.Expect(amountHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await s.ScreenshotAsync("transactions-saved-view");
        await s.Page.ClickAsync("[data-testid=saved-view-delete]");
        await Assertions.Expect(s.Page.Locator("[data-testid=saved-view-delete]")).ToHaveCountAsync(0);

        // The dark theme applies to the table too (its colours come from Radzen's theme variables).
        await s.Page.Locator(".rz-appearance-toggle, button[title='Light or dark theme']").First.ClickAsync();
        await s.Page.WaitForFunctionAsync("() => document.cookie.includes('DashboardTheme=material-dark')");
        await grid.Locator(".rz-pager").ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("transactions-dark");
        s.AssertNoErrors();
    }

    // The amounts of the rows on screen (4th column), in minor units; refunds are negative.
    private static async Task<List<long>> AmountsAsync(ILocator rows) =>
        (await rows.Locator("td:nth-child(4)").AllInnerTextsAsync())
            .Select(t => (t.Contains('-') || t.Contains('\u2212') ? -1 : 1) * long.Parse(Digits().Replace(t, ""), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static async Task<int> RowCountAsync(IPage page)
    {
        var text = await page.Locator("[data-testid=row-count]").InnerTextAsync();
        return int.Parse(Digits().Replace(text, ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
