using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Data;

/// <summary>
/// Development demo data: two merchants (France/EUR and Japan/JPY), three users with different permissions, and
/// days of payment activity per environment generated through the ledger's own services.
/// </summary>
public sealed class DemoDataSeeder(
    SystemDbContextFactory contexts,
    UserManager<DashboardUser> users,
    TimeProvider clock,
    ILogger<DemoDataSeeder> log)
{
    public sealed record DemoUser(string Email, string Password, string DisplayName, string Culture, string TimeZone);

    // Published in the README; created only when Dashboard:SeedDemoData is true (Development).
    public static readonly DemoUser Admin = new("admin@demo.example", "Admin-Demo-2026", "Camille Martin", "en", "Europe/Paris");
    public static readonly DemoUser Staff = new("staff@demo.example", "Staff-Demo-2026", "Lukas Becker", "de", "Europe/Berlin");
    public static readonly DemoUser Accountant = new("accountant@demo.example", "Accountant-Demo-2026", "Haruka Sato", "ja", "Asia/Tokyo");

    public const string FrenchMerchantName = "Maison Lumière SARL";
    public const string JapaneseMerchantName = "Sakura Trading K.K.";

    private SystemDbContextFactory Contexts => contexts;

    public async Task SeedAsync(int days, CancellationToken ct)
    {
        await using var db = Contexts.CreateDbContext();
        if (await db.Merchants.AnyAsync(ct)) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var france = new Merchant("A2FRLUMIERE001", FrenchMerchantName, "FR", "EUR", now.AddDays(-days - 1));
        var japan = new Merchant("A3JPSAKURA0002", JapaneseMerchantName, "JP", "JPY", now.AddDays(-days - 1));
        db.Merchants.AddRange(france, japan);
        await db.SaveChangesAsync(ct);

        var admin = await CreateUserAsync(Admin, france.Id);
        var staff = await CreateUserAsync(Staff, france.Id);
        var accountant = await CreateUserAsync(Accountant, france.Id);

        db.MerchantMembers.Add(new MerchantMember(france.Id, admin.Id, isAdmin: true, now));
        db.MerchantMembers.Add(new MerchantMember(japan.Id, admin.Id, isAdmin: true, now));

        var staffMember = new MerchantMember(france.Id, staff.Id, isAdmin: false, now);
        staffMember.Grant(Section.Integration, PermissionLevel.Edit);
        staffMember.Grant(Section.TestAccounts, PermissionLevel.Edit);
        staffMember.Grant(Section.Transactions, PermissionLevel.View);
        staffMember.Grant(Section.Claims, PermissionLevel.Edit);
        staffMember.Grant(Section.Chargebacks, PermissionLevel.Edit);
        staffMember.Grant(Section.Notifications, PermissionLevel.View);
        db.MerchantMembers.Add(staffMember);

        foreach (var merchant in new[] { france, japan })
        {
            var accountantMember = new MerchantMember(merchant.Id, accountant.Id, isAdmin: false, now);
            accountantMember.Grant(Section.Payments, PermissionLevel.Edit);
            accountantMember.Grant(Section.Transactions, PermissionLevel.View);
            db.MerchantMembers.Add(accountantMember);
        }
        await db.SaveChangesAsync(ct);

        await SeedActivityAsync(france, days, ct);
        await SeedActivityAsync(japan, days, ct);
        log.LogInformation("Demo data created: 2 merchants, 3 users, {Days} days of activity per environment", days);
    }

    private async Task<DashboardUser> CreateUserAsync(DemoUser demo, Guid merchantId)
    {
        var user = new DashboardUser
        {
            UserName = demo.Email,
            Email = demo.Email,
            EmailConfirmed = true,
            DisplayName = demo.DisplayName,
            PreferredCulture = demo.Culture,
            TimeZoneId = demo.TimeZone,
            SelectedMerchantId = merchantId,
            SelectedEnvironment = PaymentEnvironment.Production,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // The published demo passwords contain the user's own name ("Admin-Demo-2026"), which the password policy
        // refuses for real accounts (AUTH-02); Development demo users get their hash directly instead.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, demo.Password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Orders per day in each environment: Production is busier than the Sandbox.</summary>
    public static int OrdersPerDay(PaymentEnvironment environment) => environment == PaymentEnvironment.Production ? 40 : 12;

    // Through the ledger's own services, day by day, so every rule and settlement applies as in real life. The last
    // simulated day is yesterday: nothing is dated in the future.
    private async Task SeedActivityAsync(Merchant merchant, int days, CancellationToken ct)
    {
        var generator = new DemoActivityGenerator(new LedgerService(contexts, clock), new SettlementService(contexts, clock));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var environment in Enum.GetValues<PaymentEnvironment>())
        {
            var request = new DemoActivityRequest(merchant.Id, merchant.Currency, merchant.CountryCode, environment,
                today.AddDays(-days), days, OrdersPerDay(environment));
            // A stable seed (string hash codes differ per process): the same demo data on every machine.
            var seed = merchant.MerchantCode.Aggregate(17, (h, c) => unchecked(h * 31 + c)) ^ (int)environment;
            var summary = await generator.GenerateAsync(request, new Random(seed), ct);
            log.LogInformation("Demo activity for {Merchant} {Environment}: {Orders} orders, {Events} events, {Settlements} settlements",
                merchant.LegalName, environment, summary.Orders, summary.EventsApplied, summary.Settlements);
        }
    }
}
