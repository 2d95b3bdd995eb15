using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Data;

/// <summary>
/// Command-line verbs of the portal, run instead of the web server:
/// <c>create-admin --email a@b.example --merchant "Legal name" [--country FR] [--currency EUR] [--base-url https://portal.example]</c>
/// creates a merchant and its first admin and prints a one-time link to choose a password (the first-run path of a real
/// deployment: no default accounts exist outside Development).
/// </summary>
public static class DashboardCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "create-admin":
                Environment.ExitCode = await CreateAdminAsync(app, Options(args));
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) result[args[i][2..]] = args[++i];
        }
        return result;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, Dictionary<string, string> o)
    {
        if (!o.TryGetValue("email", out var email) || !o.TryGetValue("merchant", out var legalName))
        {
            Console.Error.WriteLine("usage: create-admin --email <address> --merchant \"<legal name>\" [--country FR] [--currency EUR] [--base-url <url>]");
            return 2;
        }
        var country = o.GetValueOrDefault("country", "FR").ToUpperInvariant();
        var currency = o.GetValueOrDefault("currency", "EUR").ToUpperInvariant();
        var baseUrl = o.GetValueOrDefault("base-url", "http://localhost:5000").TrimEnd('/');

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<DashboardUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = sp.GetRequiredService<SystemDbContextFactory>().CreateDbContext();

        Merchant merchant;
        try
        {
            merchant = new Merchant(Merchant.NewMerchantCode(), legalName, country, currency, now);
        }
        catch (DomainRuleException e)
        {
            Console.Error.WriteLine($"Refused: {e.MessageKey} {string.Join(", ", e.Args)}");
            return 2;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine("Refused: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                return 2;
            }
        }

        db.Merchants.Add(merchant);
        db.MerchantMembers.Add(new MerchantMember(merchant.Id, user.Id, isAdmin: true, now));
        await db.SaveChangesAsync();
        var tracked = await db.Users.FirstAsync(u => u.Id == user.Id);
        tracked.SelectedMerchantId ??= merchant.Id;
        tracked.SelectedEnvironment = PaymentEnvironment.Sandbox;
        await db.SaveChangesAsync();
        await sp.GetRequiredService<AuditService>().RecordAsync(new AuditRecord(
            AuditActions.MerchantCreated, true, ActorName: "create-admin", MerchantId: merchant.Id, TargetType: "User", TargetId: user.Id));

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        Console.WriteLine($"Merchant {merchant.LegalName} created with merchant id {merchant.MerchantCode}.");
        Console.WriteLine($"Admin: {email}. Open this one-time link to choose a password:");
        Console.WriteLine($"{baseUrl}/Account/ResetPassword?code={code}");
        return 0;
    }
}
