using System.Text.RegularExpressions;
using Dashboard.Domain.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed partial class ManageAccountTests(DashboardFactory factory)
{
    [Theory]
    [InlineData("Short-pass1", "The password must be at least 12 characters long.")]
    [InlineData("No-digits-at-all", "The password must contain at least one letter and one digit.")]
    public async Task A_new_password_that_breaks_a_rule_is_refused_with_the_rule_and_the_hash_stays(string newPassword, string rule)
    {
        var email = $"change-{newPassword.Length}@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Change-Pass-2026");
        var hashBefore = await HashAsync(user.Id);
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Change-Pass-2026");

        var response = await AccountForms.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = "Change-Pass-2026",
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-error\"", html);
        Assert.Contains(rule, AccountForms.Text(html));
        Assert.Equal(hashBefore, await HashAsync(user.Id));
    }

    [Fact]
    public async Task A_valid_password_change_renews_the_security_stamp_and_is_audited()
    {
        var email = "change-ok@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Change-Ok-2026");
        await using var before = factory.SystemDb();
        var stampBefore = (await before.Users.SingleAsync(u => u.Id == user.Id)).SecurityStamp;
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Change-Ok-2026");

        var response = await AccountForms.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = "Change-Ok-2026",
            ["Input.NewPassword"] = "Amber-Kite-Window-2027",
            ["Input.ConfirmPassword"] = "Amber-Kite-Window-2027",
        });
        Assert.Equal("/Account/Manage/ChangePassword", AccountForms.RedirectTarget(response));
        Assert.Contains("Your password has been changed.", AccountForms.Text(await client.GetStringAsync("/Account/Manage/ChangePassword")));

        await using var db = factory.SystemDb();
        Assert.NotEqual(stampBefore, (await db.Users.SingleAsync(u => u.Id == user.Id)).SecurityStamp);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.PasswordChanged && e.Success));
    }

    [Fact]
    public async Task Enrolling_an_authenticator_shows_a_QR_code_and_then_ten_recovery_codes()
    {
        var email = "enrol@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Enrol-Totp-2026");
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Enrol-Totp-2026");

        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        var qr = System.Net.WebUtility.HtmlDecode(QrPattern().Match(page).Groups[1].Value);
        Assert.StartsWith("data:image/png;base64,", qr);
        var png = Convert.FromBase64String(qr["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();

        var response = await AccountForms.PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", Forms.AntiforgeryToken(page),
            new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(10, Regex.Matches(html, "<code class=\"recovery-code\">").Count);

        await using var db = factory.SystemDb();
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).TwoFactorEnabled);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.TwoFactorEnabled));
    }

    [Fact]
    public async Task Saving_the_profile_in_French_stores_it_and_sets_the_culture_cookie()
    {
        var email = "profile@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Profile-Save-2026");
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Profile-Save-2026");

        var response = await AccountForms.SubmitAsync(client, "/Account/Manage", "profile", new()
        {
            ["Input.DisplayName"] = "Camille Martin",
            ["Input.PreferredCulture"] = "fr",
            ["Input.TimeZoneId"] = "Europe/Paris",
        });
        Assert.Equal("/Account/Manage", AccountForms.RedirectTarget(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", StringComparison.Ordinal));

        await using var db = factory.SystemDb();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Equal(("Camille Martin", "fr", "Europe/Paris"), (stored.DisplayName, stored.PreferredCulture, stored.TimeZoneId));
    }

    private async Task<string?> HashAsync(string userId)
    {
        await using var db = factory.SystemDb();
        return (await db.Users.SingleAsync(u => u.Id == userId)).PasswordHash;
    }

    [GeneratedRegex("<img class=\"totp-qr\" src=\"([^\"]+)\"")]
    private static partial Regex QrPattern();

    [GeneratedRegex("data-testid=\"totp-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();
}
