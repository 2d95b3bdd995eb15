using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Performance;

[Collection(BrowserCollection.Name)]
public sealed class PerformanceTests(BrowserFixture fixture)
{
    private SystemDbContextFactory Database() => CaseFiling.Database(fixture.Portal.DataDirectory);

    private Task<(Guid Id, string SellerOrderId)> FileAsync(bool chargeback, PaymentEnvironment environment = PaymentEnvironment.Production) =>
        CaseFiling.FileAsync(Database(), chargeback, environment);

    private async Task WaitForDraftAsync(Guid chargebackId, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Database().CreateDbContext();
            if (await db.Chargebacks.AnyAsync(c => c.Id == chargebackId && c.ResponseText == expected)) return;
            await Task.Delay(200);
        }
        await using var check = Database().CreateDbContext();
        var stored = await check.Chargebacks.Where(c => c.Id == chargebackId).Select(c => c.ResponseText).SingleAsync();
        var log = fixture.Portal.Output;
        Assert.Fail($"The draft never reached the server (stored: \"{stored}\"). Portal log (end):\n" + log[Math.Max(0, log.Length - 4000)..]);
    }

    [Fact]
    public async Task Staff_answers_a_claim_with_a_partial_refund_and_the_order_ledger_shows_it()
    {
        var (id, sellerOrderId) = await FileAsync(chargeback: false);
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/performance/claims");
        await s.Page.Locator("[data-testid=claims-grid] a", new() { HasTextString = sellerOrderId }).First.ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Action required");

        await s.Page.ClickAsync("[data-testid=action-Refund]");
        var amount = s.Page.Locator("[data-testid=refund-amount] input");
        await Assertions.Expect(amount).ToBeFocusedAsync();   // the dialog focuses its first field at once (FocusFirstField)
        await amount.FillAsync("10");
        await amount.PressAsync("Tab");
        await s.Page.ClickAsync("[data-testid=submit-response]");

        await Assertions.Expect(s.Page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Partially refunded");
        await Assertions.Expect(s.Page.Locator("[data-testid=order-timeline] [data-testid=timeline-Refund]")).ToContainTextAsync("10.00");
        await Assertions.Expect(s.Page.Locator("[data-testid=order-timeline] [data-testid=timeline-Refund]")).ToContainTextAsync("not settled yet");
        await s.ScreenshotAsync("claim-partially-refunded");
        s.AssertNoErrors();
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task A_chargeback_draft_survives_a_reload_and_is_contested_with_a_file()
    {
        var (id, _) = await FileAsync(chargeback: true);
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Staff, $"/performance/chargebacks/{id}");

        await s.Page.Locator("[data-testid=chargeback-text]").PressSequentiallyAsync("Delivered and signed for on Monday.", new() { Delay = 10 });
        await Assertions.Expect(s.Page.Locator("[data-testid=draft-status]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("gespeichert|saved"));

        // The indicator may show an earlier save of part of the text; wait until the last keystrokes reached the server.
        await WaitForDraftAsync(id, "Delivered and signed for on Monday.");
        await s.Page.ReloadAsync();
        await s.WaitForInteractiveAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=chargeback-text]")).ToHaveValueAsync("Delivered and signed for on Monday.");

        var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
        await s.Page.Locator("[data-testid=evidence-file]").SetInputFilesAsync(new FilePayload { Name = "delivery.pdf", MimeType = "application/pdf", Buffer = pdf });
        await s.Page.ClickAsync("[data-testid=add-evidence]");
        await Assertions.Expect(s.Page.Locator("[data-testid=evidence-download]")).ToHaveTextAsync("delivery.pdf");

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.ClickAsync("[data-testid=evidence-download]"));
        Assert.Equal("delivery.pdf", download.SuggestedFilename);

        await s.Page.ClickAsync("[data-testid=action-Contest]");
        await Assertions.Expect(s.Page.Locator("[data-testid=chargeback-status]")).ToHaveTextAsync("Angefochten");
        await s.ScreenshotAsync("chargeback-contested");
        s.AssertNoErrors();
    }

    [Fact]
    public async Task Staff_represents_a_claim_with_a_file_that_is_listed_on_the_claim_and_downloadable()
    {
        var (id, _) = await FileAsync(chargeback: false);
        // A colleague already noted the shipping date in the draft (the date picker is not what this test is about).
        await using (var db = Database().CreateDbContext())
        {
            var claim = await db.GuaranteeClaims.FirstAsync(c => c.Id == id);
            claim.SaveDraft(null, DateTime.UtcNow.Date.AddDays(-3), null, null, claim.Version, "colleague@demo.example", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, $"/performance/claims/{id}");
        await Assertions.Expect(s.Page.Locator("[data-testid=claim-attachments]")).ToContainTextAsync("No files attached.");

        await s.Page.ClickAsync("[data-testid=action-Represent]");
        var dialog = s.Page.Locator("[data-testid=respond-dialog]");
        await dialog.Locator("[data-testid=response-text]").FillAsync("Shipped on time; the carrier confirms delivery.");
        await dialog.Locator("[data-testid=carrier]").FillAsync("Colissimo");
        await dialog.Locator("[data-testid=tracking]").FillAsync("6A12345678901");
        var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
        await dialog.Locator("[data-testid=claim-attachment-file]").SetInputFilesAsync(new FilePayload { Name = "proof-of-delivery.pdf", MimeType = "application/pdf", Buffer = pdf });
        await dialog.Locator("[data-testid=claim-attach]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=claim-attachment-download]")).ToHaveTextAsync("proof-of-delivery.pdf");
        await dialog.Locator("[data-testid=submit-response]").ClickAsync();

        await Assertions.Expect(s.Page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Represented");
        var link = s.Page.Locator("[data-testid=claim-attachments] [data-testid=claim-attachment-download]");
        await Assertions.Expect(link).ToHaveTextAsync("proof-of-delivery.pdf");
        var download = await s.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("proof-of-delivery.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved!));
        await s.ScreenshotAsync("claim-represented-with-file");
        s.AssertNoErrors();
    }

    [Fact]
    public async Task In_the_sandbox_a_simulated_provider_decision_changes_the_claim_status_timeline_and_ledger()
    {
        var (id, _) = await FileAsync(chargeback: false, PaymentEnvironment.Sandbox);
        await using (var db = Database().CreateDbContext())
        {
            var claim = await db.GuaranteeClaims.FirstAsync(c => c.Id == id);
            claim.Represent("Shipped and delivered.", DateTime.UtcNow.AddDays(-2), "DHL", "JJD1", Guid.NewGuid(), "staff@demo.example", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.SwitchViewAsync("Maison Lumière SARL · Sandbox");
        try
        {
            await s.Page.GotoAsync($"/performance/claims/{id}");
            await s.WaitForInteractiveAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Represented");
            var panel = s.Page.Locator("[data-testid=simulate-decision]");
            await Assertions.Expect(panel).ToContainTextAsync("Sandbox: simulate provider decision");
            await Assertions.Expect(s.Page.Locator("[data-testid=claim-timeline]")).Not.ToContainTextAsync("debited");

            await panel.Locator("[data-testid=sim-decision]").ClickAsync();
            await s.Page.Locator(".rz-dropdown-item", new() { HasTextString = "Granted to the buyer" }).ClickAsync();
            await panel.Locator("[data-testid=sim-apply-decision]").ClickAsync();

            await Assertions.Expect(s.Page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Granted to the buyer");
            await Assertions.Expect(s.Page.Locator("[data-testid=claim-timeline]")).ToContainTextAsync("debited from your account");
            await Assertions.Expect(s.Page.Locator("[data-testid=order-timeline] [data-testid=timeline-ClaimDebit]")).ToBeVisibleAsync();
            await s.ScreenshotAsync("claim-simulated-decision");
            s.AssertNoErrors();
        }
        finally
        {
            // The view is remembered per user: the other tests expect the admin in Production.
            await s.SwitchViewAsync("Maison Lumière SARL · Production");
        }
    }

    [Fact]
    public async Task An_admin_changes_the_claim_response_window_and_the_next_claim_gets_it()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        try
        {
            await s.Page.GotoAsync("/settings/performance");
            await s.WaitForInteractiveAsync();
            var claimDays = s.Page.Locator("[data-testid=claim-days] input");
            await Assertions.Expect(claimDays).ToHaveValueAsync("7");

            await claimDays.FillAsync("45");
            await claimDays.PressAsync("Tab");
            await s.Page.ClickAsync("[data-testid=save-deadlines]");
            await Assertions.Expect(s.Page.Locator(".rz-notification")).ToContainTextAsync("between 1 and 30 days");

            await claimDays.FillAsync("3");
            await claimDays.PressAsync("Tab");
            await s.Page.ClickAsync("[data-testid=save-deadlines]");
            await Assertions.Expect(s.Page.Locator(".rz-notification")).ToContainTextAsync("Deadline rules saved");
            await s.Page.ReloadAsync();
            await s.WaitForInteractiveAsync();
            await Assertions.Expect(claimDays).ToHaveValueAsync("3");

            var (id, _) = await FileAsync(chargeback: false);
            await using var db = Database().CreateDbContext();
            var claim = await db.GuaranteeClaims.AsNoTracking().FirstAsync(c => c.Id == id);
            Assert.Equal(Dashboard.Domain.Performance.ResponseDeadline.CalendarDays(claim.FiledUtc, 3, "Europe/Paris"), claim.RespondByUtc);
            s.AssertNoErrors();
        }
        finally
        {
            // The other tests of this portal expect the default rule.
            await using var db = Database().CreateDbContext();
            foreach (var settings in db.PerformanceSettings) settings.Change(7, 7, 11, settings.TimeZoneId);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Two_tabs_editing_the_same_chargeback_draft_get_a_conflict_and_nothing_is_overwritten()
    {
        var (id, _) = await FileAsync(chargeback: true);
        await using var first = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await using var second = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        foreach (var s in new[] { first, second })
        {
            await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
            await s.Page.GotoAsync($"/performance/chargebacks/{id}");
            await s.WaitForInteractiveAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=chargeback-text]")).ToBeEditableAsync();
        }

        // Both tabs loaded the same version; the first one saves first.
        await first.Page.Locator("[data-testid=chargeback-text]").ClickAsync();
        await first.Page.Locator("[data-testid=chargeback-text]").PressSequentiallyAsync("Tracking shows delivery.", new() { Delay = 20 });
        await Assertions.Expect(first.Page.Locator("[data-testid=draft-status]")).ToContainTextAsync("saved");
        await WaitForDraftAsync(id, "Tracking shows delivery.");

        await second.Page.Locator("[data-testid=chargeback-text]").PressSequentiallyAsync("Buyer never contacted us.", new() { Delay = 10 });
        await Assertions.Expect(second.Page.Locator("[data-testid=draft-conflict]")).ToContainTextAsync("Reload to see their version; your text was not saved.");

        await using (var db = Database().CreateDbContext())
        {
            var stored = await db.Chargebacks.AsNoTracking().FirstAsync(c => c.Id == id);
            Assert.Equal("Tracking shows delivery.", stored.ResponseText);
        }
        await first.ScreenshotAsync("chargeback-draft-first-tab");
        await second.ScreenshotAsync("chargeback-draft-conflict");
        first.AssertNoErrors();
        second.AssertNoErrors();
    }
}
