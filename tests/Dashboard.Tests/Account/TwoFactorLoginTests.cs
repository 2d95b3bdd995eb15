using Dashboard.Domain.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed class TwoFactorLoginTests(DashboardFactory factory)
{
    private const string GenericError = "The code is not valid, or the account is temporarily locked.";

    [Fact]
    public async Task A_user_with_two_factor_gives_the_authenticator_code_after_the_password()
    {
        var email = "totp-ok@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Totp-Login-2026");
        var key = await AccountForms.EnableTwoFactorAsync(factory, user);
        using var client = factory.CreateHttpsClient();

        var password = await Forms.SignInAsync(client, email, "Totp-Login-2026");
        var twoFactorUrl = AccountForms.RedirectTarget(password);
        Assert.StartsWith("/Account/LoginWith2fa", twoFactorUrl);
        Assert.False(AccountForms.SetsAuthCookie(password));

        var wrong = await AccountForms.SubmitAsync(client, twoFactorUrl, "login-with-2fa",
            new() { ["Input.TwoFactorCode"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Contains(GenericError, AccountForms.Text(await wrong.Content.ReadAsStringAsync()));

        var right = await AccountForms.SubmitAsync(client, twoFactorUrl, "login-with-2fa",
            new() { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.True(AccountForms.SetsAuthCookie(right));
        Assert.Equal("/", AccountForms.RedirectTarget(right));

        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.TwoFactorFailed));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.SignIn && e.Success));
        Assert.NotNull((await db.Users.SingleAsync(u => u.Id == user.Id)).LastSignInUtc);
    }

    [Fact]
    public async Task Ten_wrong_authenticator_codes_lock_the_account_for_thirty_minutes()
    {
        var email = "totp-lock@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Totp-Lockout-2026");
        var key = await AccountForms.EnableTwoFactorAsync(factory, user);
        using var client = factory.CreateHttpsClient();
        var twoFactorUrl = AccountForms.RedirectTarget(await Forms.SignInAsync(client, email, "Totp-Lockout-2026"));
        var token = Forms.AntiforgeryToken(await client.GetStringAsync(twoFactorUrl));

        for (var i = 0; i < 10; i++)
        {
            var wrong = await AccountForms.PostAsync(client, twoFactorUrl, "login-with-2fa", token,
                new() { ["Input.TwoFactorCode"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
            Assert.Contains(GenericError, AccountForms.Text(await wrong.Content.ReadAsStringAsync()));
        }

        // Locked: even the right code is refused, with the same text.
        var right = await AccountForms.PostAsync(client, twoFactorUrl, "login-with-2fa", token,
            new() { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.False(AccountForms.SetsAuthCookie(right));
        Assert.Contains(GenericError, AccountForms.Text(await right.Content.ReadAsStringAsync()));

        await using var db = factory.SystemDb();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.True(stored.LockoutEnd >= DateTimeOffset.UtcNow.AddMinutes(29));
        Assert.True(await db.AuditEvents.CountAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.TwoFactorFailed) >= 10);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.LockedOut));
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_same_lockout()
    {
        var email = "recovery-lock@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Recovery-Lock-2026");
        await AccountForms.EnableTwoFactorAsync(factory, user);
        using var client = factory.CreateHttpsClient();
        AccountForms.RedirectTarget(await Forms.SignInAsync(client, email, "Recovery-Lock-2026"));
        const string url = "/Account/LoginWithRecoveryCode";
        var token = Forms.AntiforgeryToken(await client.GetStringAsync(url));

        for (var i = 0; i < 10; i++)
        {
            var wrong = await AccountForms.PostAsync(client, url, "login-with-recovery-code", token, new() { ["Input.RecoveryCode"] = "WRONG-" + i });
            Assert.Contains(GenericError, AccountForms.Text(await wrong.Content.ReadAsStringAsync()));
        }

        await using var db = factory.SystemDb();
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd >= DateTimeOffset.UtcNow.AddMinutes(29));
    }

    [Fact]
    public async Task The_two_factor_page_without_a_password_step_sends_back_to_sign_in()
    {
        using var client = factory.CreateHttpsClient();
        Assert.Equal("/Account/Login", AccountForms.RedirectTarget(await client.GetAsync("/Account/LoginWith2fa")));
    }
}

[Collection(DashboardCollection.Name)]
public sealed class TotpReplayTests(DashboardFactory factory)
{
    private const string GenericError = "The code is not valid, or the account is temporarily locked.";

    [Fact]
    public async Task An_authenticator_code_that_signed_in_once_cannot_sign_in_again()
    {
        var email = "totp-replay@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Totp-Replay-2026");
        var key = await AccountForms.EnableTwoFactorAsync(factory, user);
        var code = Totp.Code(key, DateTimeOffset.UtcNow);

        using (var first = factory.CreateHttpsClient())
        {
            var twoFactorUrl = AccountForms.RedirectTarget(await Forms.SignInAsync(first, email, "Totp-Replay-2026"));
            var ok = await AccountForms.SubmitAsync(first, twoFactorUrl, "login-with-2fa", new() { ["Input.TwoFactorCode"] = code });
            Assert.True(AccountForms.SetsAuthCookie(ok));
            // Sign out: the logout form of any page.
            var home = await first.GetStringAsync("/");
            var signedOut = await first.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.AntiforgeryToken(home),
            }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // The same code again (a replay, within its 30-second window): refused with the generic message.
        using var second = factory.CreateHttpsClient();
        var again = AccountForms.RedirectTarget(await Forms.SignInAsync(second, email, "Totp-Replay-2026"));
        var replay = await AccountForms.SubmitAsync(second, again, "login-with-2fa", new() { ["Input.TwoFactorCode"] = code });
        Assert.False(AccountForms.SetsAuthCookie(replay));
        Assert.Contains(GenericError, AccountForms.Text(await replay.Content.ReadAsStringAsync()));

        await using var db = factory.SystemDb();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Equal(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, stored.LastTotpTimeStep!.Value, tolerance: 1);
    }
}
