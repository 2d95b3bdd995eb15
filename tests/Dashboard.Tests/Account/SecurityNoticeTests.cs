using Dashboard.Domain.Audit;
using Dashboard.Domain.Users;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed class SecurityNoticeTests(DashboardFactory factory)
{
    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_session_and_tells_the_user()
    {
        var email = "everywhere@demo.example";
        await TestUsers.CreateAsync(factory, email, "Quiet-River-Stone-2026");
        using var first = factory.CreateHttpsClient();
        using var second = factory.CreateHttpsClient();
        await Forms.SignInAsync(first, email, "Quiet-River-Stone-2026");
        await Forms.SignInAsync(second, email, "Quiet-River-Stone-2026");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.GetAsync("/Account/Manage")).StatusCode);

        var token = Forms.AntiforgeryToken(await first.GetStringAsync("/Account/Manage"));
        var response = await first.PostAsync("/Account/SignOutEverywhere", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/Account/Login", AccountForms.RedirectTarget(response));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the test host revalidates stamps every second
        Assert.Contains("/Account/Login", AccountForms.RedirectTarget(await second.GetAsync("/Account/Manage")));
        var mail = await Mailbox.WaitForAsync(factory, email, "X-Seller-Central-Template: SecurityChange");
        Assert.Contains("All your sessions were signed out", Mailbox.Body(mail));
        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorName == email && e.Action == AuditActions.SignedOutEverywhere));
    }

    [Fact]
    public async Task A_password_change_is_told_by_mail_in_the_users_language_without_the_password()
    {
        var email = "notice-fr@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Violet-Canyon-Drum-2026");
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.PreferredCulture = "fr";
            await users.UpdateAsync(stored);
        }
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Violet-Canyon-Drum-2026");
        await AccountForms.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = "Violet-Canyon-Drum-2026",
            ["Input.NewPassword"] = "Copper-Meadow-Lamp-2027",
            ["Input.ConfirmPassword"] = "Copper-Meadow-Lamp-2027",
        });

        var mail = await Mailbox.WaitForAsync(factory, email, "X-Seller-Central-Template: SecurityChange");
        Assert.Contains("Content-Language: fr", mail);
        var body = Mailbox.Body(mail);
        Assert.Contains("Votre mot de passe a été modifié", body);
        Assert.DoesNotContain("Copper-Meadow-Lamp-2027", body);
    }
}
