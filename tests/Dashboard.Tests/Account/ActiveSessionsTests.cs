using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Domain.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed partial class ActiveSessionsTests(DashboardFactory factory)
{
    [Fact]
    public async Task Login_settings_list_the_users_sessions_and_sign_out_of_one_ends_only_that_browser()
    {
        const string email = "two-browsers@demo.example", password = "Amber-Lantern-Reef-2026";
        var user = await TestUsers.CreateAsync(factory, email, password);
        using var laptop = factory.CreateHttpsClient();
        using var phone = factory.CreateHttpsClient();
        await Forms.SignInAsync(laptop, email, password);
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneBrowser/1.0");
        await Forms.SignInAsync(phone, email, password);

        var page = await laptop.GetStringAsync("/Account/Manage");
        var rows = Rows().Matches(page).Select(m => (Current: m.Groups[1].Value == "true", Id: m.Groups[2].Value)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Current);
        Assert.Contains("PhoneBrowser/1.0", AccountForms.Text(page));
        var phoneSession = rows.Single(r => !r.Current).Id;

        // Another user cannot end it.
        using var stranger = factory.CreateHttpsClient();
        await TestUsers.CreateAsync(factory, "session-stranger@demo.example", password);
        await Forms.SignInAsync(stranger, "session-stranger@demo.example", password);
        Assert.Equal(HttpStatusCode.NotFound, (await EndAsync(stranger, phoneSession)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Account/Manage")).StatusCode);

        Assert.Equal("/Account/Manage#sessions", AccountForms.RedirectTarget(await EndAsync(laptop, phoneSession)));
        Assert.Contains("/Account/Login", AccountForms.RedirectTarget(await phone.GetAsync("/Account/Manage")));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Account/Manage")).StatusCode);
        Assert.Single(Rows().Matches(await laptop.GetStringAsync("/Account/Manage")));

        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.SessionEnded));
    }

    [Fact]
    public async Task Signing_out_everywhere_removes_every_session_of_the_user()
    {
        const string email = "everywhere-rows@demo.example", password = "Copper-Meadow-Kite-2026";
        var user = await TestUsers.CreateAsync(factory, email, password);
        using var first = factory.CreateHttpsClient();
        using var second = factory.CreateHttpsClient();
        await Forms.SignInAsync(first, email, password);
        await Forms.SignInAsync(second, email, password);
        await using var db = factory.SystemDb();
        Assert.Equal(2, await db.UserSessions.CountAsync(s => s.UserId == user.Id));

        var token = Forms.AntiforgeryToken(await first.GetStringAsync("/Account/Manage"));
        await first.PostAsync("/Account/SignOutEverywhere", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(0, await db.UserSessions.CountAsync(s => s.UserId == user.Id));
        Assert.Contains("/Account/Login", AccountForms.RedirectTarget(await second.GetAsync("/Account/Manage")));
    }

    private static async Task<HttpResponseMessage> EndAsync(HttpClient client, string sessionId)
    {
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/Account/Manage"));
        return await client.PostAsync("/Account/Sessions/End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["sessionId"] = sessionId,
        }));
    }

    [GeneratedRegex("data-testid=\"session-row\" data-current=\"(true|false)\"[\\s\\S]*?name=\"sessionId\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Rows();
}
