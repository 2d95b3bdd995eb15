using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class AccessKeysBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Creating_a_key_asks_for_the_password_and_shows_the_secret_exactly_once()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/integration/keys");

        await s.Page.Locator("[data-testid=key-name]").FillAsync("Shop backend");
        await s.Page.Locator("[data-testid=key-create]").ClickAsync();

        // AUTH-08: the re-authentication dialog comes first.
        await s.Page.Locator("[data-testid=confirm-password-dialog] input[type=password]").FillAsync(DemoDataSeeder.Admin.Password);
        await s.Page.Locator("[data-testid=reauth-confirm]").ClickAsync();

        var secret = await s.Page.Locator("[data-testid=secret-value]").InputValueAsync();
        Assert.Matches("^sk_(test|live)_[A-Za-z0-9_-]{43}$", secret);
        await s.ScreenshotAsync("access-key-secret");
        await s.Page.Locator("[data-testid=secret-close]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=keys-grid]")).ToContainTextAsync("Shop backend");
        await Assertions.Expect(s.Page.Locator("[data-testid=keys-grid]")).ToContainTextAsync(secret[^4..]);

        await s.Page.ReloadAsync();
        await s.WaitForInteractiveAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=keys-grid]")).ToContainTextAsync("Shop backend");
        Assert.DoesNotContain(secret, await s.Page.ContentAsync());
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Integration_central_shows_the_merchants_values_and_links_to_the_readiness_page()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/integration");
        await Assertions.Expect(s.Page.Locator("[data-testid=central-merchant-id]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A[A-Z0-9]{13}$"));
        await Assertions.Expect(s.Page.Locator("[data-testid=central-api-base]")).ToHaveTextAsync($"{fixture.Portal.BaseUrl}/api/v1");
        await s.ScreenshotAsync("integration-central");

        await s.Page.Locator("[data-testid=readiness-link]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=readiness-grid]")).ToContainTextAsync("IPN");
        await s.ScreenshotAsync("readiness");
        s.AssertNoErrors();
    }
}
