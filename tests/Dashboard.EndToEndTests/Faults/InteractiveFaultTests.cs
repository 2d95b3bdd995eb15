using Dashboard.Domain.Notifications;
using Dashboard.Domain.Persistence;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Faults;

/// <summary>What a person sees in an open (interactive) page when the database is locked (REL-02), and when they open
/// one tab more than the per-user circuit cap allows (SESS-08). The web tests cover the same rules over plain HTTP;
/// these check the circuit's side in a browser. Their own portal: a 1 s busy timeout and a cap of 2 circuits.</summary>
public sealed class InteractiveFaultTests(InteractiveFaultTests.FaultPortal fixture) : IClassFixture<InteractiveFaultTests.FaultPortal>
{
    public sealed class FaultPortal() : BrowserFixture(Create())
    {
        private static PortalProcess Create()
        {
            var environment = new Dictionary<string, string> { ["Circuits__MaxCircuitsPerUser"] = "2" };
            var portal = new PortalProcess(demoDays: 2, environment);
            // The portal reads its environment when it starts, so the connection string can name its data directory.
            environment["ConnectionStrings__Dashboard"] = $"Data Source={portal.DatabaseFile};Mode=ReadWrite;Default Timeout=1";
            return portal;
        }
    }

    private string DatabaseFile => fixture.Portal.DatabaseFile;

    /// <summary>Another process holding SQLite's write lock, as a backup tool or a stuck writer would.</summary>
    private SqliteConnection WriteLock()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Default Timeout=10;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; CREATE TABLE fault_lock(x);";
        command.ExecuteNonQuery();
        return connection; // disposing closes it (no pool), which rolls back and releases the lock
    }

    [Fact]
    public async Task A_save_while_the_database_is_locked_says_temporarily_unavailable_and_the_same_save_works_once_it_is_free()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/notifications");
        var addresses = s.Page.Locator("textarea[name=addresses-Business]");
        var saved = s.Page.Locator(".rz-notification-item", new() { HasTextString = "Addresses saved." });
        // A first save while the database is free: it asks for the password (AUTH-08), confirmed for five minutes.
        await addresses.FillAsync("ops@lumiere.example");
        await addresses.PressAsync("Tab");
        await s.Page.ClickAsync("[data-testid=save-Business]");
        await s.ConfirmPasswordIfAskedAsync(saved, DemoDataSeeder.Admin.Password);

        await addresses.FillAsync("ops-lock@lumiere.example");
        await addresses.PressAsync("Tab");

        using (WriteLock())
        {
            await s.Page.ClickAsync("[data-testid=save-Business]");
            await Assertions.Expect(s.Page.Locator(".rz-notification")).ToContainTextAsync("Seller Central is temporarily unavailable");
            // The page stays usable: what was typed is still there, nothing is lost.
            await Assertions.Expect(addresses).ToHaveValueAsync("ops-lock@lumiere.example");
        }

        // No restart, no reload: the same button now saves.
        await Assertions.Expect(saved).ToHaveCountAsync(0, new() { Timeout = 30_000 });   // the first one has faded
        await s.Page.ClickAsync("[data-testid=save-Business]");
        await Assertions.Expect(saved).ToBeVisibleAsync();
        var contexts = new SystemDbContextFactory(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite($"Data Source={DatabaseFile};Default Timeout=5").Options);
        await using var db = contexts.CreateDbContext();
        var stored = await db.NotificationRecipients.Where(r => r.Category == NotificationCategory.Business).Select(r => r.Addresses).ToListAsync();
        Assert.Contains(stored, a => a.Contains("ops-lock@lumiere.example", StringComparison.Ordinal));
        s.AssertNoErrors();
    }

    [Fact]
    public async Task A_tab_over_the_per_user_cap_explains_itself_and_works_after_another_tab_is_closed()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl, locale: "ja-JP");
        await s.SignInAsync(DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password);   // circuit 1
        var refusal = "[data-testid=too-many-circuits]";
        await Assertions.Expect(s.Page.Locator(refusal)).ToHaveCountAsync(0);

        var second = await s.Context.NewPageAsync();                                                   // circuit 2
        await second.GotoAsync("/reports/payments");
        await PortalSession.WaitForInteractiveAsync(second);
        await Assertions.Expect(second.Locator(refusal)).ToHaveCountAsync(0);

        var third = await s.Context.NewPageAsync();                                                    // one too many
        await third.GotoAsync("/reports/payments");
        await PortalSession.WaitForInteractiveAsync(third);
        // The accountant reads Japanese: the refusal is in their language, and nothing of the page is rendered.
        await Assertions.Expect(third.Locator(refusal)).ToContainTextAsync("タブを開きすぎています");
        await Assertions.Expect(third.Locator("h1.page-heading")).ToHaveCountAsync(0);

        // Closing a tab (blazor.web.js tells the server as the page goes away) frees its slot for a reload.
        await second.CloseAsync(new() { RunBeforeUnload = true });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            // The page is prerendered before its circuit starts, so only the interactive page tells.
            await third.ReloadAsync();
            await PortalSession.WaitForInteractiveAsync(third);
            await Task.Delay(500);
            if (await third.Locator(refusal).CountAsync() == 0) break;
        }
        while (DateTime.UtcNow < deadline);
        await Assertions.Expect(third.Locator("h1.page-heading")).ToBeVisibleAsync();
        await Assertions.Expect(third.Locator(refusal)).ToHaveCountAsync(0);
    }
}
