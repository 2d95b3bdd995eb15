using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Shell;

/// <summary>Uses its own portal process, because it kills it.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task When_the_server_drops_the_reconnect_dialog_shows_and_the_page_comes_back_after_a_restart()
    {
        await using var portal = new PortalProcess(demoDays: 2);
        await portal.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var s = await PortalSession.OpenAsync(browser, portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        await portal.KillAsync();
        var dialog = s.Page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("Rejoining the server");

        // Same port, same data directory: the browser reconnects, the server no longer knows the circuit, the page reloads.
        await portal.StartAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await s.Page.WaitForSelectorAsync("[data-testid=current-user]", new() { Timeout = 60_000 });
        await s.WaitForInteractiveAsync();
    }
}
