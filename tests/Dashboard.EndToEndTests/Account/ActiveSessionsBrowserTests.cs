using System.Text.RegularExpressions;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Account;

[Collection(BrowserCollection.Name)]
public sealed class ActiveSessionsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Signing_out_everywhere_in_one_browser_sends_the_others_open_page_to_the_login()
    {
        var user = DemoDataSeeder.Accountant;
        await using var office = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await using var home = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await home.SignInAsync(user.Email, user.Password);
        await office.SignInAsync(user.Email, user.Password);

        await office.Page.GotoAsync("/Account/Manage");
        var rows = office.Page.Locator("[data-testid=session-row]");
        await Assertions.Expect(rows.And(office.Page.Locator("[data-current=true]"))).ToHaveCountAsync(1);
        Assert.True(await rows.CountAsync() >= 2);
        await office.ScreenshotAsync("active-sessions");

        await office.Page.ClickAsync("[data-testid=sign-out-everywhere]");
        await office.Page.WaitForURLAsync(new Regex("/Account/Login"));

        // The other browser sits on an interactive page and does nothing: its circuit is revalidated away.
        await home.Page.WaitForURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
    }
}
