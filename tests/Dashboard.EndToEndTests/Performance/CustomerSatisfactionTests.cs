using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Performance;

[Collection(BrowserCollection.Name)]
public sealed class CustomerSatisfactionTests(BrowserFixture fixture)
{
    private static readonly string[] Metrics = ["DefectRate", "ClaimRate", "ChargebackRate", "RefundRate", "DeclineRate"];

    [Fact]
    public async Task The_admin_sees_five_rates_and_the_orders_behind_the_defect_rate()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/performance/satisfaction");

        await Assertions.Expect(s.Page.Locator("h1")).ToHaveTextAsync("Customer satisfaction");
        foreach (var metric in Metrics)
            await Assertions.Expect(s.Page.Locator($"[data-testid=metric-{metric}] [data-testid=metric-value]")).ToContainTextAsync("%");
        await Assertions.Expect(s.Page.Locator("[data-testid=satisfaction-trend] svg").First).ToBeVisibleAsync();

        await s.Page.ClickAsync("[data-testid=metric-DefectRate]");
        var links = s.Page.Locator("[data-testid=satisfaction-orders] [data-testid=satisfaction-order-link]");
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        Assert.StartsWith("reports/transactions/orders/", await links.First.GetAttributeAsync("href"));

        await s.Page.Locator("[data-testid=satisfaction-trend]").ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("customer-satisfaction");
        s.AssertNoErrors();
    }
}
