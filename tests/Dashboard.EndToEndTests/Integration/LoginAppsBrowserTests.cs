using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class LoginAppsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Registering_a_login_app_with_a_bad_url_shows_the_error_on_that_field()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/integration/keys");
        await s.Page.Locator("[data-testid=login-apps-link]").ClickAsync();
        await s.WaitForInteractiveAsync();

        var form = s.Page.Locator("[data-testid=login-app-form]");
        await LoginAppSteps.FillAsync(form, "Boutique", "http://shop.example/privacy", "https://shop.example", "https://shop.example/callback");
        await s.Page.Locator("[data-testid=login-app-register]").ClickAsync();
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToContainTextAsync("https");

        await form.Locator("input[name=PrivacyPolicyUrl]").FillAsync("https://shop.example/privacy");
        var clientId = await LoginAppSteps.RegisterAsync(s, DemoDataSeeder.Admin.Password);
        Assert.StartsWith("amzn1.application-oa2-client.", clientId);
        s.AssertNoErrors();
    }

    [Fact]
    public async Task An_app_is_edited_with_errors_on_the_field_gets_a_logo_and_is_deleted()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/integration/login-apps");
        var name = "Atelier " + Guid.NewGuid().ToString("N")[..6];
        await LoginAppSteps.FillAsync(s.Page.Locator("[data-testid=login-app-form]"), name, "https://atelier.example/privacy", "https://atelier.example",
            "https://atelier.example/cb");
        var clientId = await LoginAppSteps.RegisterAsync(s, DemoDataSeeder.Admin.Password);
        var card = s.Page.Locator("[data-testid=login-app]", new() { HasTextString = clientId });

        // A plain-http return URL is refused on its field; the fixed one is saved and normalised.
        await card.Locator("[data-testid=login-app-edit]").ClickAsync();
        var form = s.Page.Locator("[data-testid=login-app-editing] [data-testid=login-app-form]");
        await Assertions.Expect(form.Locator("input[name=Name]")).ToHaveValueAsync(name);
        await form.Locator("textarea[name=ReturnUrls]").FillAsync("http://atelier.example/cb");
        await form.Locator("[data-testid=login-app-save]").ClickAsync();
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToContainTextAsync("https");
        await form.Locator("textarea[name=ReturnUrls]").FillAsync("HTTPS://Atelier.Example/signin");
        await form.Locator("[data-testid=login-app-save]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=login-app-return-urls]")).ToHaveTextAsync("https://atelier.example/signin");

        // The logo is checked on its bytes and served by the portal to signed-in users, under a cache-busting URL.
        await card.Locator("[data-testid=login-app-logo-file]").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = BannerBrowserTests.Png });
        var logo = card.Locator("[data-testid=login-app-logo]");
        await Assertions.Expect(logo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/logo/[0-9a-f]{64}\\.png$"));
        var response = await s.Page.APIRequest.GetAsync(await logo.GetAttributeAsync("src") ?? "");
        Assert.True(response.Status == 200, $"{response.Status}\n{fixture.Portal.Output[^Math.Min(3000, fixture.Portal.Output.Length)..]}");
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Contains("immutable", response.Headers["cache-control"]);

        // Deleting asks first.
        await card.Locator("[data-testid=login-app-delete]").ClickAsync();
        await s.Page.Locator(".rz-dialog-confirm-buttons button", new() { HasTextString = "Delete application" }).ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=login-app]", new() { HasTextString = clientId })).ToHaveCountAsync(0);
        s.AssertNoErrors();
    }
}
