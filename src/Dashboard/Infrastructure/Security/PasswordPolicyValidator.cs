using System.Globalization;
using System.Text;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-02: refuses breached passwords (<see cref="CommonPasswords"/>, 30,000 entries), passwords built on common words or keyboard runs, on context words (the portal's name, the user's
/// name and e-mail, the legal names of their merchants) and the user's last four passwords.
/// </summary>
public sealed class PasswordPolicyValidator(DashboardDbContext db) : IPasswordValidator<DashboardUser>
{
    // The letters of the most used passwords once digits and symbols are stripped (the "Password1234" family).
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "password", "passwort", "motdepasse", "contrasena", "qwerty", "qwertz", "azerty", "asdf", "asdfgh", "zxcvbn", "qwertyuiop",
        "letmein", "welcome", "bienvenue", "willkommen", "admin", "administrator", "iloveyou", "monkey", "dragon", "football",
        "baseball", "sunshine", "princess", "trustno", "abc", "abcdef", "master", "shadow", "superman", "batman", "login",
        "secret", "changeme", "default", "summer", "winter", "spring", "autumn", "hello", "freedom", "whatever", "starwars",
        "pokemon", "soleil", "bonjour", "hallo", "sommer", "schatz", "test", "demo", "user", "guest", "root", "seller", "central",
        "sellercentral", "amazon", "payment", "payments", "merchant",
    };

    public async Task<IdentityResult> ValidateAsync(UserManager<DashboardUser> manager, DashboardUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success;
        var letters = Letters(password);
        if (letters.Length == 0 || CommonWords.Contains(letters) || IsRun(password) || CommonPasswords.Contains(password))
            return Fail("PasswordCommon", "This password is too common.");

        var context = new List<string> { user.DisplayName, user.Email?.Split('@')[0] ?? "" };
        if (user.Id is { Length: > 0 })
        {
            context.AddRange(await db.MerchantMembers.Where(m => m.UserId == user.Id)
                .Join(db.Merchants, m => m.MerchantId, m => m.Id, (_, merchant) => merchant.LegalName).ToListAsync());
        }
        foreach (var word in context.SelectMany(c => c.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).Select(Letters))
            if (word.Length >= 4 && letters.Contains(word, StringComparison.Ordinal))
                return Fail("PasswordContext", "Passwords must not contain your name, e-mail or company name.");

        if (user.PasswordHash is not null && user.Id is { Length: > 0 })
        {
            var recent = await db.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.ReplacedUtc)
                .Take(PasswordHistoryEntry.Remembered - 1).Select(h => h.PasswordHash).ToListAsync();
            foreach (var hash in recent.Prepend(user.PasswordHash))
                if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
                    return Fail("PasswordReused", "Choose a password you have not used recently.");
        }
        return IdentityResult.Success;
    }

    private static IdentityResult Fail(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    /// <summary>Lower-case letters without accents: "Lumière2025!" → "lumiere".</summary>
    private static string Letters(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>One repeated character or a straight ascending/descending run ("aaaaaaaaaaaa1", "123456789012").</summary>
    private static bool IsRun(string s) =>
        s.Distinct().Count() <= 2 || Enumerable.Range(1, s.Length - 1).All(i => Math.Abs(s[i] - s[i - 1]) == 1);
}
