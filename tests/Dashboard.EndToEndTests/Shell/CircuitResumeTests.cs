using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Shell;

/// <summary>A page whose circuit the server no longer holds comes back as it was, not blank. Uses its own portal
/// process, because it restarts it.</summary>
public sealed class CircuitResumeTests
{
    [Fact]
    public async Task After_a_server_restart_the_half_written_claim_and_chargeback_responses_and_the_chosen_tab_are_on_screen_again()
    {
        await using var portal = new PortalProcess(demoDays: 10);
        await portal.StartAsync();
        var (claimId, _) = await CaseFiling.FileAsync(CaseFiling.Database(portal.DataDirectory), chargeback: false);
        var (chargebackId, _) = await CaseFiling.FileAsync(CaseFiling.Database(portal.DataDirectory), chargeback: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var s = await PortalSession.OpenSignedInAsync(browser, portal.BaseUrl, DemoDataSeeder.Admin, "/reports/transactions");

        // The transactions report on its "Open authorizations" tab (not kept in the address).
        await s.Page.ClickAsync("#transactions-tab-1");
        await Assertions.Expect(s.Page.Locator("#transactions-tab-1")).ToHaveAttributeAsync("aria-selected", "true");

        var claim = await s.Context.NewPageAsync();
        await claim.GotoAsync($"/performance/claims/{claimId}");
        await PortalSession.WaitForInteractiveAsync(claim);
        await claim.ClickAsync("[data-testid=action-Represent]");
        var dialog = claim.Locator("[data-testid=respond-dialog]");
        await dialog.Locator("[data-testid=response-text]").FillAsync("Shipped on Monday by Colissimo; the buyer signed for it.");
        await dialog.Locator("[data-testid=carrier]").FillAsync("Colissimo");

        var dispute = await s.Context.NewPageAsync();
        await dispute.GotoAsync($"/performance/chargebacks/{chargebackId}");
        await PortalSession.WaitForInteractiveAsync(dispute);
        await dispute.Locator("[data-testid=chargeback-text]").FillAsync("Delivered on 3 May, signature attached.");

        // A deploy: the server stops (SIGTERM) and a new one starts on the same address and data.
        await portal.StopAsync();
        Assert.Contains("3 open pages asked to pause, 0 still connected", portal.Output);
        await portal.StartAsync();

        // Each page is live again (the reconnect dialog gone) and shows what it showed: the open dialog lives only in
        // the page's state, so a fresh load or the autosaved draft alone would not bring it back.
        await Assertions.Expect(claim.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(claim.Locator("[data-testid=respond-dialog]")).ToBeVisibleAsync();
        await Assertions.Expect(claim.Locator("[data-testid=response-text]")).ToHaveValueAsync("Shipped on Monday by Colissimo; the buyer signed for it.");
        await Assertions.Expect(claim.Locator("[data-testid=carrier]")).ToHaveValueAsync("Colissimo");
        await Assertions.Expect(claim.Locator("[data-testid=draft-status]")).ToContainTextAsync("Draft saved");

        await Assertions.Expect(dispute.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(dispute.Locator("[data-testid=chargeback-text]")).ToHaveValueAsync("Delivered on 3 May, signature attached.");

        await Assertions.Expect(s.Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(s.Page.Locator("#transactions-tab-1")).ToHaveAttributeAsync("aria-selected", "true");
        // The resumed circuit answers clicks.
        await s.Page.ClickAsync("#transactions-tab-0");
        await Assertions.Expect(s.Page.Locator("#transactions-tab-0")).ToHaveAttributeAsync("aria-selected", "true");
        // While the server was down the browser logged failed connection attempts, and nothing else.
        Assert.All(s.Errors, e => Assert.True(e.Contains("ERR_CONNECTION_REFUSED") || e.Contains("Failed to fetch"), e));
    }
}
