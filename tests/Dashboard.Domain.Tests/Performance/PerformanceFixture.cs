using Dashboard.Domain.Audit;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Tests.Ledger;

namespace Dashboard.Domain.Tests.Performance;

/// <summary>A ledger with one merchant, services acting as a user of a chosen permission, and short-hand filings.</summary>
public sealed class PerformanceFixture : IDisposable
{
    public PerformanceFixture(PaymentEnvironment environment = PaymentEnvironment.Production)
        : this(new LedgerFixture(environment: environment))
    {
    }

    /// <summary>The same fixture on another database (PostgreSQL).</summary>
    public PerformanceFixture(TestDatabaseBase database) : this(new LedgerFixture(database))
    {
    }

    private PerformanceFixture(LedgerFixture ledger)
    {
        Ledger = ledger;
        EvidenceDirectory = Path.Combine(Path.GetTempPath(), "evidence-tests-" + Guid.NewGuid().ToString("N"));
        Files = new EvidenceFiles(EvidenceDirectory, new NoVirusScanner(), new UploadRateLimit(Ledger.Clock));
    }

    public LedgerFixture Ledger { get; }
    public FakeTimeProvider Clock => Ledger.Clock;
    public TestDatabaseBase Database => Ledger.Database;
    public string EvidenceDirectory { get; }
    public EvidenceFiles Files { get; }
    public MerchantScope Scope => new(Ledger.Merchant.Id, Ledger.Environment);

    public ClaimService Claims(PermissionLevel level = PermissionLevel.Edit, MerchantScope? scope = null) =>
        new(Database.Factory(scope ?? Scope), new FakeActor(level), new AuditService(Database.System, Clock), Files, Clock);

    public ChargebackService Chargebacks(PermissionLevel level = PermissionLevel.Edit, MerchantScope? scope = null) =>
        new(Database.Factory(scope ?? Scope), new FakeActor(level), new AuditService(Database.System, Clock), Files, Clock);

    public PerformanceDeadlineJob Job() => new(Database.System, new NoNoticeMailer(), Clock);

    /// <summary>A captured order of 100.00 EUR with a claim filed now; returns the claim id.</summary>
    public async Task<(Guid OrderId, Guid ClaimId)> FiledClaimAsync(long amount = 10_000, long? claimed = null, ClaimReason reason = ClaimReason.NotReceived)
    {
        var orderId = await Ledger.CapturedOrderAsync(amount, Clock.UtcNow.AddDays(-3));
        var claimId = Guid.NewGuid();
        await Ledger.Ledger.ApplyAsync(new GuaranteeClaimFiled(Ledger.Merchant.Id, Ledger.Environment, Ledger.NextEventId(), Clock.UtcNow,
            orderId, claimId, reason, claimed ?? amount, "The parcel never arrived."));
        return (orderId, claimId);
    }

    public async Task<(Guid OrderId, Guid ChargebackId)> FiledChargebackAsync(long amount = 10_000, DisputeType type = DisputeType.Service)
    {
        var orderId = await Ledger.CapturedOrderAsync(amount, Clock.UtcNow.AddDays(-3));
        var id = Guid.NewGuid();
        await Ledger.Ledger.ApplyAsync(new ChargebackFiled(Ledger.Merchant.Id, Ledger.Environment, Ledger.NextEventId(), Clock.UtcNow,
            orderId, id, "Visa", "13.1", "Merchandise not received", type, amount));
        return (orderId, id);
    }

    public PaymentOrder Order(Guid id)
    {
        using var db = Database.Create(MerchantScope.System);
        return db.PaymentOrders.Single(o => o.Id == id);
    }

    public List<PaymentTransaction> Transactions(Guid orderId)
    {
        using var db = Database.Create(MerchantScope.System);
        return db.PaymentTransactions.Where(t => t.OrderId == orderId).OrderBy(t => t.CreatedUtc).ToList();
    }

    public void Dispose()
    {
        Ledger.Dispose();
        try { Directory.Delete(EvidenceDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A user with one permission level on every section.</summary>
public sealed class FakeActor(PermissionLevel level) : ICurrentActor
{
    public string? UserId => "user-1";
    public string? UserName => "lukas@example.test";
    public string? IpAddress => "127.0.0.1";

    public void Demand(Section section, PermissionLevel required)
    {
        if (level < required) throw new ForbiddenException($"{section} {required}");
    }
}
