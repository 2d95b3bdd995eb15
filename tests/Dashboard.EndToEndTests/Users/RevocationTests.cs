using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Users;

[Collection(BrowserCollection.Name)]
public sealed partial class RevocationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_invited_colleague_joins_and_loses_their_open_session_when_the_admin_removes_them()
    {
        var email = $"colleague-{Guid.NewGuid():N}"[..18] + "@demo.example";
        await using var admin = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/users");

        // Invite with Claims: View only.
        await admin.Page.ClickAsync("[data-testid=invite-user]");
        await Assertions.Expect(admin.Page.Locator("[data-testid=permissions-dialog] input[name=invite-email]")).ToBeFocusedAsync();
        await admin.Page.FillAsync("[data-testid=permissions-dialog] input[name=invite-email]", email);
        await admin.Page.Locator("[data-testid=level-Claims]").GetByText("View", new() { Exact = true }).ClickAsync();
        await admin.Page.ClickAsync("[data-testid=permissions-save]");
        await admin.Page.WaitForTimeoutAsync(1500);
        await admin.ScreenshotAsync("users-invited");
        await Assertions.Expect(admin.Page.Locator("[data-testid=invitations-grid]")).ToContainTextAsync(email);

        // The colleague follows the mailed link in a second browser and chooses a password.
        await using var colleague = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await colleague.Page.GotoAsync(await InvitationLinkAsync(email));
        await colleague.Page.FillAsync("#Input\\.DisplayName", "Colleague");
        await colleague.Page.FillAsync("#Input\\.Password", "Harbor-Willow-Quartz-2026");
        await colleague.Page.FillAsync("#Input\\.ConfirmPassword", "Harbor-Willow-Quartz-2026");
        await colleague.Page.ClickAsync("button[type=submit]");
        await colleague.WaitForInteractiveAsync();
        await colleague.Page.Locator("[data-testid=nav-menu] a[href='performance/claims']").ClickAsync();
        await Assertions.Expect(colleague.Page.Locator("h1.page-heading")).ToHaveTextAsync("A-to-Z claims");
        await Assertions.Expect(colleague.Page.Locator("[data-testid=nav-menu] a[href='settings/users']")).ToHaveCountAsync(0);

        // The admin removes the colleague; the colleague's open circuit ends without any action on their side.
        await admin.Page.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await admin.Page.Locator("[data-testid=members-grid] tr", new() { HasText = email }).Locator("[data-testid=remove-member]").ClickAsync();
        await admin.Page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove access" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("[data-testid=members-grid]")).Not.ToContainTextAsync(email);

        await colleague.Page.WaitForURLAsync(new Regex("/Account/Login"), new() { Timeout = 60_000 });
        admin.AssertNoErrors();
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        var directory = Path.Combine(fixture.Portal.DataDirectory, "mail");
        for (var i = 0; i < 100; i++)
        {
            var mail = Directory.Exists(directory)
                ? Directory.GetFiles(directory, "*.eml").Select(File.ReadAllText).FirstOrDefault(m => m.Contains(email, StringComparison.OrdinalIgnoreCase))
                : null;
            if (mail is not null)
            {
                var body = Decode(mail);
                var href = Href().Match(body);
                Assert.True(href.Success, body);
                return new Uri(WebUtility.HtmlDecode(href.Groups[1].Value)).PathAndQuery;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No invitation mail.");
    }

    private static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split];
        var body = eml[(split + 4)..];
        if (headers.Contains("base64", StringComparison.OrdinalIgnoreCase)) return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "")));
        if (!headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase)) return body;
        var bytes = new List<byte>();
        body = body.Replace("=\r\n", "");
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '=' && i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2])) { bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("href=['\"]([^'\"]*/Account/AcceptInvitation[^'\"]*)['\"]")]
    private static partial Regex Href();
}
