using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Domain.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed partial class PasswordResetTests(DashboardFactory factory)
{
    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answer_and_only_the_known_one_gets_a_reset_mail()
    {
        var email = "reset-same@demo.example";
        await TestUsers.CreateAsync(factory, email, "Reset-Same-2026");
        using var client = factory.CreateHttpsClient();

        var known = await RequestResetAsync(client, email);
        var unknown = await RequestResetAsync(client, "nobody-reset@demo.example");

        Assert.Equal(AccountForms.RedirectTarget(known), AccountForms.RedirectTarget(unknown));
        Assert.NotNull(await WaitForMailAsync(email));
        Assert.Null(FindMail("nobody-reset@demo.example"));
    }

    [Fact]
    public async Task The_link_in_the_reset_mail_sets_a_new_password_that_signs_in()
    {
        var email = "reset-link@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Reset-Old-2026");
        using var client = factory.CreateHttpsClient();
        await RequestResetAsync(client, email);
        var link = ResetLink(await WaitForMailAsync(email) ?? throw new InvalidOperationException("No reset mail."));

        var reset = await AccountForms.SubmitAsync(client, link.PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Reset-New-2026",
            ["Input.ConfirmPassword"] = "Reset-New-2026",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", AccountForms.RedirectTarget(reset));

        using var fresh = factory.CreateHttpsClient();
        Assert.Contains("login-error", await (await Forms.SignInAsync(fresh, email, "Reset-Old-2026")).Content.ReadAsStringAsync());
        var signIn = await Forms.SignInAsync(fresh, email, "Reset-New-2026");
        Assert.True(AccountForms.SetsAuthCookie(signIn));
        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorUserId == user.Id && e.Action == AuditActions.PasswordReset && e.Success));
    }

    [Fact]
    public async Task A_reset_link_without_a_valid_code_leads_to_the_invalid_link_page()
    {
        using var client = factory.CreateHttpsClient();
        var response = await client.GetAsync("/Account/ResetPassword?code=%%%");
        Assert.Equal("/Account/InvalidPasswordReset", AccountForms.RedirectTarget(response));
    }

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email) =>
        AccountForms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });

    private string? FindMail(string recipient)
    {
        var directory = Path.Combine(factory.DataDirectory, "mail");
        if (!Directory.Exists(directory)) return null;
        return Directory.GetFiles(directory, "*.eml")
            .Select(File.ReadAllText)
            .FirstOrDefault(m => Regex.IsMatch(m, $"^To: .*{Regex.Escape(recipient)}", RegexOptions.Multiline | RegexOptions.IgnoreCase));
    }

    private async Task<string?> WaitForMailAsync(string recipient)
    {
        for (var i = 0; i < 50; i++)
        {
            if (FindMail(recipient) is { } mail) return mail;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>The reset link from the mail's HTML body, undoing the transfer encoding and the HTML encoding.</summary>
    private static Uri ResetLink(string eml)
    {
        var separator = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..separator];
        var body = eml[(separator + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase)) body = DecodeQuotedPrintable(body);
        else if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)) body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        var href = HrefPattern().Match(body);
        Assert.True(href.Success, "No reset link in the mail: " + body);
        return new Uri(WebUtility.HtmlDecode(href.Groups[1].Value));
    }

    private static string DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("href=['\"]([^'\"]*/Account/ResetPassword\\?[^'\"]+)['\"]")]
    private static partial Regex HrefPattern();
}
