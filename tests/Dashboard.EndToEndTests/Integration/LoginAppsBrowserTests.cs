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
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.Page.GotoAsync("/integration/keys");
        await s.WaitForInteractiveAsync();
        await s.Page.Locator("[data-testid=login-apps-link]").ClickAsync();
        await s.WaitForInteractiveAsync();

        var form = s.Page.Locator("[data-testid=login-app-form]");
        await form.Locator("input[name=Name]").FillAsync("Boutique");
        await form.Locator("textarea[name=Description]").FillAsync("Sign in at our shop");
        await form.Locator("input[name=PrivacyPolicyUrl]").FillAsync("http://shop.example/privacy");
        await form.Locator("textarea[name=AllowedOrigins]").FillAsync("https://shop.example");
        await form.Locator("textarea[name=ReturnUrls]").FillAsync("https://shop.example/callback");
        await s.Page.Locator("[data-testid=login-app-register]").ClickAsync();
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("[data-testid=field-error]")).ToContainTextAsync("https");

        await form.Locator("input[name=PrivacyPolicyUrl]").FillAsync("https://shop.example/privacy");
        await s.Page.Locator("[data-testid=login-app-register]").ClickAsync();
        await s.Page.Locator("[data-testid=confirm-password-dialog] input[type=password]").FillAsync(DemoDataSeeder.Admin.Password);
        await s.Page.Locator("[data-testid=reauth-confirm]").ClickAsync();
        var clientId = await s.Page.Locator("[data-testid=secret-public-id]").InputValueAsync();
        Assert.StartsWith("amzn1.application-oa2-client.", clientId);
        await s.Page.Locator("[data-testid=secret-close]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=login-app-client-id]").Last).ToHaveTextAsync(clientId);
        s.AssertNoErrors();
    }
}
