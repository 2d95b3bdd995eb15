using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Shell;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_admin_visits_every_section_without_a_browser_error()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.ScreenshotAsync("home");
        await Assertions.Expect(s.Page.Locator("[data-testid=figure-last30]")).ToContainTextAsync("€");
        await Assertions.Expect(s.Page.Locator("[data-testid=daily-volume-chart]")).ToBeVisibleAsync();

        // Dark theme: the toggle switches Radzen's theme and remembers it in a cookie.
        await s.Page.Locator(".rz-appearance-toggle, button[title='Light or dark theme']").First.ClickAsync();
        await s.Page.WaitForFunctionAsync("() => document.cookie.includes('DashboardTheme=material-dark')");

        var sections = new (string Path, string Heading)[]
        {
            ("integration", "Integration Central"), ("integration/keys", "Access keys"), ("integration/login-apps", "Login app registration"),
            ("integration/readiness", "Integration readiness"), ("integration/test-accounts", "Test accounts"),
            ("reports/payments", "Payments"), ("reports/transactions", "Transactions"),
            ("performance/satisfaction", "Customer satisfaction"), ("performance/claims", "A-to-Z claims"),
            ("performance/chargebacks", "Chargebacks"), ("performance/notifications", "Notifications"),
            ("settings/account", "Account info"), ("settings/notifications", "Notification preferences"),
            ("settings/users", "User permissions"), ("settings/audit", "Audit log"), ("settings/integration", "Integration settings"),
        };
        foreach (var (path, heading) in sections)
        {
            // Click the menu entry as a person would (the menu groups are expanded).
            await s.Page.Locator($"[data-testid=nav-menu] a[href='{path}']").First.ClickAsync();
            await Assertions.Expect(s.Page.Locator("h1.page-heading")).ToHaveTextAsync(heading);
        }
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Each_demo_user_sees_only_the_sections_they_may_use()
    {
        await using (var staff = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl))
        {
            await staff.SignInAsync(DemoDataSeeder.Staff.Email, DemoDataSeeder.Staff.Password);
            var menu = staff.Page.Locator("[data-testid=nav-menu]");
            await Assertions.Expect(menu.Locator("a[href='performance/claims']")).ToBeVisibleAsync();
            await Assertions.Expect(menu.Locator("a[href='reports/payments']")).ToHaveCountAsync(0);

            // Typing the address of a section without permission shows the access-denied view, not the page.
            await staff.Page.GotoAsync("/reports/payments");
            await Assertions.Expect(staff.Page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
            staff.AssertNoErrors();
        }

        await using var accountant = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await accountant.SignInAsync(DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password);
        var accountantMenu = accountant.Page.Locator("[data-testid=nav-menu]");
        await Assertions.Expect(accountantMenu.Locator("a[href='reports/payments']")).ToBeVisibleAsync();
        await Assertions.Expect(accountantMenu.Locator("a[href='integration/keys']")).ToHaveCountAsync(0);
        // The accountant's remembered language is Japanese.
        await Assertions.Expect(accountant.Page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        accountant.AssertNoErrors();
    }

    [Fact]
    public async Task The_menu_toggle_hides_and_shows_the_sidebar_on_a_wide_screen_and_opens_it_on_a_narrow_one()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        var toggle = s.Page.GetByLabel("Show or hide the menu");
        const string Width = "document.getElementById('dashboard-sidebar').getBoundingClientRect().width";

        // Wide (1366 px): shown, hidden by a click, shown again by the next (Radzen's CSS animates the width;
        // a hidden sidebar keeps its 1 px border).
        await s.Page.WaitForFunctionAsync($"() => {Width} > 200");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await s.Page.WaitForFunctionAsync($"() => {Width} < 2");
        await s.ScreenshotAsync("sidebar-hidden");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await s.Page.WaitForFunctionAsync($"() => {Width} > 200");

        // Narrow (phone): hidden at first, the first click opens it and its links work.
        await s.Page.SetViewportSizeAsync(600, 850);
        await s.Page.GotoAsync("/");
        await s.WaitForInteractiveAsync();
        await s.Page.WaitForFunctionAsync($"() => {Width} < 2");
        await toggle.ClickAsync();
        await s.Page.WaitForFunctionAsync($"() => {Width} > 200");
        await s.ScreenshotAsync("sidebar-narrow-open");
        await s.Page.Locator("[data-testid=nav-menu] a[href='reports/transactions']").ClickAsync();
        await Assertions.Expect(s.Page.Locator("h1.page-heading")).ToContainTextAsync("Transactions");
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Switching_to_the_sandbox_shows_the_banner_and_switching_language_translates_the_menu()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await Assertions.Expect(s.Page.Locator("[data-testid=sandbox-banner]")).ToHaveCountAsync(0);

        await s.ChooseViewAsync($"{DemoDataSeeder.FrenchMerchantName} · Sandbox");
        await Assertions.Expect(s.Page.Locator("[data-testid=sandbox-banner]")).ToBeVisibleAsync();
        await s.WaitForInteractiveAsync();

        await s.Page.SelectOptionAsync("[data-testid=culture-switcher]", new SelectOptionValue { Label = "français" });
        await Assertions.Expect(s.Page.Locator("[data-testid=nav-menu]")).ToContainTextAsync("Rapports");
        await Assertions.Expect(s.Page.Locator("[data-testid=sandbox-banner]")).ToContainTextAsync("Sandbox");
        await s.ScreenshotAsync("sandbox-fr");
        await s.WaitForInteractiveAsync();

        // Back to Production and English, so the other tests see the defaults.
        await s.ChooseViewAsync($"{DemoDataSeeder.FrenchMerchantName} · Production");
        await Assertions.Expect(s.Page.Locator("[data-testid=sandbox-banner]")).ToHaveCountAsync(0);
        await s.WaitForInteractiveAsync();
        await s.Page.SelectOptionAsync("[data-testid=culture-switcher]", new SelectOptionValue { Label = "English" });
        await Assertions.Expect(s.Page.Locator("[data-testid=nav-menu]")).ToContainTextAsync("Reports");
        s.AssertNoErrors();
    }
}
