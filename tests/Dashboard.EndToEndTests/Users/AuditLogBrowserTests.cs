using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Users;

[Collection(BrowserCollection.Name)]
public sealed class AuditLogBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_admin_filters_the_audit_log_by_an_action_the_log_holds_and_sees_only_those_rows()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/audit");
        var rows = s.Page.Locator("[data-testid=audit-grid] tbody tr.rz-data-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // Reading the log is itself audited, so "audit.viewed" is in the list; so is the sign-in just made.
        await s.Page.ClickAsync("[data-testid=audit-action]");
        await s.Page.Locator(".rz-dropdown-item").GetByText("auth.sign-in", new() { Exact = true }).ClickAsync();
        await s.Page.ClickAsync("[data-testid=audit-apply]");

        await Assertions.Expect(rows.First).ToContainTextAsync("auth.sign-in");
        var texts = await rows.AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains("auth.sign-in", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("auth.sign-in-failed", t, StringComparison.Ordinal));
        await Assertions.Expect(s.Page.Locator("[data-testid=audit-export]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("action=auth.sign-in&"));
        s.AssertNoErrors();
    }
}
