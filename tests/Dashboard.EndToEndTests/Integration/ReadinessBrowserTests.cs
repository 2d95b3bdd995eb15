using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class ReadinessBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_sandbox_login_app_is_previewed_copied_to_production_without_its_localhost_urls_and_found_there()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        var admin = DemoDataSeeder.Admin;
        await s.SignInAsync(admin.Email, admin.Password);
        var production = $"{DemoDataSeeder.FrenchMerchantName} · Production";
        await s.SwitchViewAsync($"{DemoDataSeeder.FrenchMerchantName} · Sandbox", sandbox: true);
        try
        {
            // Sidebar: Integration › Login apps.
            var loginApps = s.Page.Locator("[data-testid=nav-menu] a[href='integration/login-apps']");
            await Assertions.Expect(loginApps).ToContainTextAsync("Login apps");
            await loginApps.ClickAsync();
            await s.WaitForInteractiveAsync();
            var name = "Copy " + Guid.NewGuid().ToString("N")[..6];
            await LoginAppSteps.FillAsync(s.Page.Locator("[data-testid=login-app-form]"), name, "https://copy.example/privacy",
                "https://copy.example\nhttp://localhost:3000", "https://copy.example/cb");
            await LoginAppSteps.RegisterAsync(s, admin.Password);

            // The preview says what Production gets and what stays in the Sandbox, before anything is written.
            await s.Page.Locator("[data-testid=nav-menu] a[href='integration/readiness']", new() { HasTextString = "Readiness for Production" }).ClickAsync();
            await s.WaitForInteractiveAsync();
            var item = s.Page.Locator("[data-testid=readiness-copy-item]", new() { HasTextString = name });
            await Assertions.Expect(item.Locator("[data-testid=readiness-copy-values]")).ToHaveTextAsync("https://copy.examplehttps://copy.example/cb");
            await Assertions.Expect(item.Locator("[data-testid=readiness-copy-staying]")).ToHaveTextAsync("http://localhost:3000");
            await item.Locator("[data-testid=readiness-copy-apply]").ClickAsync();
            await s.Page.Locator(".rz-dialog-confirm-buttons button", new() { HasTextString = "Copy" }).ClickAsync();
            var publicId = s.Page.Locator("[data-testid=secret-public-id]");
            await s.ConfirmPasswordIfAskedAsync(publicId, admin.Password);
            var clientId = await publicId.InputValueAsync();
            await s.Page.Locator("[data-testid=secret-close]").ClickAsync();
            await Assertions.Expect(item).ToContainTextAsync("Production already has this");

            // In Production: the same app with its own client id and only the https URLs.
            await s.SwitchViewAsync(production, sandbox: false);
            await s.Page.GotoAsync("/integration/login-apps");
            await s.WaitForInteractiveAsync();
            var card = s.Page.Locator("[data-testid=login-app]", new() { HasTextString = name });
            await Assertions.Expect(card.Locator("[data-testid=login-app-client-id]")).ToHaveTextAsync(clientId);
            await Assertions.Expect(card).ToContainTextAsync("https://copy.example/cb");
            await Assertions.Expect(card).Not.ToContainTextAsync("localhost");
            s.AssertNoErrors();
        }
        finally
        {
            await s.SwitchViewAsync(production, sandbox: false);
        }
    }
}
