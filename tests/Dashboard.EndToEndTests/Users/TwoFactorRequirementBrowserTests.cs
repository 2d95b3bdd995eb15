using System.Text.RegularExpressions;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Users;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorRequirementBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_admin_requires_two_factor_and_a_staff_member_who_signs_in_lands_on_enrolment()
    {
        try
        {
            await using var admin = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/users");
            await admin.Page.Locator("[data-testid=require-2fa]").ClickAsync();
            await admin.Page.Locator("[data-testid=confirm-password-dialog] input[type=password]").FillAsync(DemoDataSeeder.Admin.Password);
            await admin.Page.Locator("[data-testid=reauth-confirm]").ClickAsync();
            await Assertions.Expect(admin.Page.GetByText("Two-factor sign-in is now required")).ToBeVisibleAsync();

            await using var staff = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
            await staff.Page.GotoAsync("/Account/Login");
            await staff.Page.FillAsync("#Input\\.Email", DemoDataSeeder.Staff.Email);
            await staff.Page.FillAsync("#Input\\.Password", DemoDataSeeder.Staff.Password);
            await staff.Page.ClickAsync("[data-testid=login-submit]");
            await staff.Page.WaitForURLAsync(new Regex("/Account/Manage/EnableAuthenticator"));
            await Assertions.Expect(staff.Page.Locator("[data-testid=totp-key]")).ToBeVisibleAsync();
            await staff.ScreenshotAsync("two-factor-required");

            // Nothing else is reachable, whichever address is typed.
            await staff.Page.GotoAsync("/performance/claims");
            await Assertions.Expect(staff.Page).ToHaveURLAsync(new Regex("/Account/Manage/EnableAuthenticator"));

            // The admin, who has no authenticator either, is sent there by their own open circuit on the next click.
            await admin.Page.Locator("[data-testid=nav-menu] a[href='performance/claims']").ClickAsync();
            await admin.Page.WaitForURLAsync(new Regex("/Account/Manage/EnableAuthenticator"));
        }
        finally
        {
            // Other browser tests share this portal: the demo merchants go back to optional 2FA.
            await using var db = new SqliteConnection($"Data Source={Path.Combine(fixture.Portal.DataDirectory, "dashboard.db")}");
            await db.OpenAsync();
            await using var reset = db.CreateCommand();
            reset.CommandText = "UPDATE Merchants SET RequireTwoFactor = 0";
            await reset.ExecuteNonQueryAsync();
        }
    }
}
