using System.Text.Json;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Shell;

/// <summary>SESS-06: the strict Content Security Policy is really sent, and the portal works under it: every
/// violation the browser reports (the DOM's securitypolicyviolation event and the console) fails the test.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    // Runs in every document before the page's own scripts: keeps the violations where the test can read them,
    // across reloads (sessionStorage) and enhanced navigations (same document).
    private const string RecordViolations = """
        document.addEventListener('securitypolicyviolation', e => {
            const list = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');
            list.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
            sessionStorage.setItem('csp-violations', JSON.stringify(list));
        });
        """;

    private async Task RevokeActiveKeysAsync()
    {
        var contexts = new SystemDbContextFactory(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite($"Data Source={fixture.Portal.DatabaseFile};Default Timeout=5").Options);
        await using var db = contexts.CreateDbContext();
        var now = DateTime.UtcNow;
        var keys = await db.AccessKeys.Where(k => k.RevokedUtc == null).ToListAsync();
        foreach (var key in keys) key.Revoke(now);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_main_pages_grid_dialogs_and_charts_work_under_the_policy_without_a_violation()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.Context.AddInitScriptAsync(RecordViolations);
        var policies = new List<string>();
        s.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Headers.TryGetValue("content-security-policy", out var csp))
                lock (policies) policies.Add(csp);
        };
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        // Home: key figures and the daily volume chart (SVG rendered by Radzen).
        await Assertions.Expect(s.Page.Locator("[data-testid=daily-volume-chart] svg").First).ToBeVisibleAsync();

        // Transactions: the table pages in the circuit, the filter bar's choices work and a Radzen date picker opens its popup.
        await s.Page.Locator("[data-testid=nav-menu] a[href='reports/transactions']").First.ClickAsync();
        var rows = s.Page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var firstBefore = await rows.First.InnerTextAsync();
        await s.Page.Locator("[data-testid=transactions-grid] .rz-pager-next").First.ClickAsync();
        await Assertions.Expect(rows.First).Not.ToHaveTextAsync(firstBefore);
        // The filter bar's choices are native controls; ticking one re-renders the button's text through the circuit.
        await s.Page.Locator("[data-testid=filter-type] button").ClickAsync();
        await s.Page.Locator("[data-testid=filter-type]").GetByLabel("Capture", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=filter-type] button")).ToHaveTextAsync("Capture");
        await s.Page.Locator("[data-testid=filter-type] button").ClickAsync();
        await s.Page.SelectOptionAsync("[data-testid=filter-preset]", new SelectOptionValue { Label = "Custom range" });
        await s.Page.Locator("[data-testid=filter-from] .rz-datepicker-trigger").ClickAsync();
        await Assertions.Expect(s.Page.Locator(".rz-datepicker-popup-container .rz-calendar").Filter(new() { Visible = true })).ToHaveCountAsync(1);
        await s.Page.Keyboard.PressAsync("Escape");

        // A Radzen dialog: creating an access key asks for the password first. Other tests share this portal and may
        // have used up the two active keys the merchant may hold, which would disable the button.
        await RevokeActiveKeysAsync();
        await s.Page.Locator("[data-testid=nav-menu] a[href='integration/keys']").First.ClickAsync();
        await s.Page.Locator("[data-testid=key-name]").FillAsync("CSP check");
        await s.Page.Locator("[data-testid=key-create]").ClickAsync();
        var dialog = s.Page.Locator("[data-testid=confirm-password-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("input[type=password]").FillAsync(DemoDataSeeder.Admin.Password);
        await s.Page.Locator("[data-testid=reauth-confirm]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=secret-value]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^sk_"));
        await s.Page.Locator("[data-testid=secret-close]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=keys-grid]")).ToContainTextAsync("CSP check");

        // A second chart page, reached by a full page load (a fresh document, a fresh nonce).
        await s.Page.GotoAsync("/performance/satisfaction");
        await s.WaitForInteractiveAsync();
        await Assertions.Expect(s.Page.Locator("h1.page-heading")).ToHaveTextAsync("Customer satisfaction");
        await Assertions.Expect(s.Page.Locator("svg").First).ToBeVisibleAsync();

        var violations = JsonSerializer.Deserialize<List<string>>(
            await s.Page.EvaluateAsync<string>("() => sessionStorage.getItem('csp-violations') || '[]'"))!;
        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
        s.AssertNoErrors();
        lock (policies)
        {
            Assert.NotEmpty(policies);
            Assert.All(policies, p => Assert.Contains("script-src 'self' 'nonce-", p, StringComparison.Ordinal));
        }
    }
}
