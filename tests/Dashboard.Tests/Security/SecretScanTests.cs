using System.Text.RegularExpressions;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;
using Dashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Security;

/// <summary>LOG-02/EXP-03: passwords, invitation tokens and card numbers never reach the log, the audit trail or the outbox.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SecretScanTests(DashboardFactory factory)
{
    [Fact]
    public async Task No_secret_reaches_the_log_the_audit_trail_or_a_stored_mail()
    {
        const string password = "Scan-Secret-Pass-2026";
        const string wrongPassword = "Wrong-Secret-Pass-2026";
        var email = "scan-secret@demo.example";
        await TestUsers.CreateAsync(factory, email, password, (Section.Claims, PermissionLevel.View));
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, wrongPassword);
        await Forms.SignInAsync(client, email, password);
        await AccountForms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });
        var resetMail = await Mailbox.WaitForAsync(factory, email);
        var resetCode = Mailbox.Link(resetMail, "/Account/ResetPassword").Query;

        var secrets = new[] { password, wrongPassword, resetCode["?code=".Length..].Split('&')[0] };
        await using var db = factory.SystemDb();
        var audit = await db.AuditEvents.Select(e => $"{e.ActorName} {e.TargetId} {e.Details}").ToListAsync();
        var stored = await db.EmailMessages.Select(m => $"{m.Subject} {m.Body} {m.LastError}").ToListAsync();
        var haystacks = factory.Logs.Lines.Concat(audit).Concat(stored).ToList();

        foreach (var secret in secrets)
            Assert.DoesNotContain(haystacks, h => h.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(haystacks, h => CardNumber().Matches(h).Any(m => Luhn(m.Value)));
    }

    [GeneratedRegex(@"(?<!\d)\d{13,19}(?!\d)")]
    private static partial Regex CardNumber();

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
