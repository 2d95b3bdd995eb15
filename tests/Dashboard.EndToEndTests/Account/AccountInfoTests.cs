using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Account;

[Collection(BrowserCollection.Name)]
public sealed class AccountInfoTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Changing_the_bank_account_asks_for_the_password_first_and_then_shows_it_masked()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/account");

        await s.Page.FillAsync("input[name=iban]", "DE89 3704 0044 0532 0130 00");
        await s.Page.FillAsync("input[name=bic]", "COBADEFFXXX");
        await s.Page.FillAsync("input[name=holder]", "Maison Lumière SARL");
        await s.Page.ClickAsync("[data-testid=change-bank]");

        // AUTH-08: the dialog comes before the change; a wrong password changes nothing.
        var dialog = s.Page.Locator("[data-testid=confirm-password-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=masked-iban]")).Not.ToContainTextAsync("DE89");
        await dialog.Locator("input[name=reauth-password]").FillAsync("not-the-password");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("The password is not correct.");
        await dialog.Locator("input[name=reauth-password]").FillAsync(DemoDataSeeder.Admin.Password);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(s.Page.Locator("[data-testid=masked-iban]")).ToContainTextAsync("DE89••••••••••••••3000");
        Assert.DoesNotContain("370400440532013000", await s.Page.ContentAsync());
        await s.ScreenshotAsync("account-info");
        s.AssertNoErrors();
    }
}
