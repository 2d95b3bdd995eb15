using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class SandboxSimulatorBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_simulated_sandbox_order_shows_up_in_the_ipn_delivery_log()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        var staff = DemoDataSeeder.Staff;
        await s.SignInAsync(staff.Email, staff.Password);
        await s.SwitchViewAsync("Sandbox", sandbox: true);
        try
        {
            // The IPN endpoint: a bad URL is refused on the field, a good one needs the password again.
            await s.Page.GotoAsync("/settings/integration");
            await s.WaitForInteractiveAsync();
            await s.Page.Locator("[data-testid=ipn-url]").FillAsync("http://0x7f000001/ipn");
            await s.Page.Locator("[data-testid=ipn-save]").ClickAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=ipn-url-error]")).ToBeVisibleAsync();
            await s.Page.Locator("[data-testid=ipn-url]").FillAsync("https://ipn.shop.example/ipn");
            await s.Page.Locator("[data-testid=ipn-save]").ClickAsync();
            await s.Page.Locator("[data-testid=confirm-password-dialog] input[type=password]").FillAsync(staff.Password);
            await s.Page.Locator("[data-testid=reauth-confirm]").ClickAsync();
            Assert.StartsWith("ipnsec_test_", await s.Page.Locator("[data-testid=secret-value]").InputValueAsync());
            await s.Page.Locator("[data-testid=secret-close]").ClickAsync();

            // A test buyer, then one simulated order captured on shipment.
            await TestBuyerSteps.CreateAsync(s, fixture.Portal, $"camille.{Guid.NewGuid():N}@example.fr");
            await s.Page.Locator("[data-testid=sim-run]").ClickAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=sim-result]")).ToContainTextAsync("SIM-");

            // The dispatcher tries the endpoint (its name does not resolve here) and logs the attempts.
            await s.Page.GotoAsync("/settings/integration");
            await s.WaitForInteractiveAsync();
            var log = s.Page.Locator("[data-testid=ipn-delivery-log]");
            for (var i = 0; i < 30 && !(await log.InnerTextAsync()).Contains("payment.capture"); i++)
            {
                await Task.Delay(1000);
                await s.Page.Locator("[data-testid=ipn-log-refresh]").ClickAsync();
            }
            await Assertions.Expect(log).ToContainTextAsync("payment.capture");
            await Assertions.Expect(log).ToContainTextAsync("payment.authorization.approved");
            await s.ScreenshotAsync("ipn-delivery-log");
            s.AssertNoErrors();
        }
        finally
        {
            await s.SwitchViewAsync("Produktion", sandbox: false);
        }
    }
}
