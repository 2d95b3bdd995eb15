using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Merchants;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Domain.Tests.Integration;

/// <summary>One merchant, its Sandbox view as the current scope, an actor with Integration Edit and a fresh re-auth.</summary>
public sealed class IntegrationFixture : IDisposable
{
    public static readonly DateTime T0 = new(2026, 5, 4, 10, 0, 0, DateTimeKind.Utc);

    public IntegrationFixture(PaymentEnvironment environment = PaymentEnvironment.Sandbox)
        : this(new TestDatabase(), environment)
    {
    }

    /// <summary>The same fixture on another database (PostgreSQL).</summary>
    public IntegrationFixture(TestDatabaseBase database, PaymentEnvironment environment = PaymentEnvironment.Sandbox)
    {
        Database = database;
        Merchant = Database.AddMerchant();
        Scope = new MerchantScope(Merchant.Id, environment);
        Protector = new SecretProtector(DataProtection);
        Audit = new AuditService(Database.System, Clock);
        Keys = new AccessKeyService(Database.Factory(Scope), Actor, StepUp, Protector, Audit, Clock);
        Verifier = new ApiRequestVerifier(Database.System, Protector, Audit, Clock);
    }

    public TestDatabaseBase Database { get; }
    public FakeTimeProvider Clock { get; } = new(T0);
    public Merchant Merchant { get; }
    public MerchantScope Scope { get; }
    public TestActor Actor { get; } = new();
    public TestStepUp StepUp { get; } = new();
    public IDataProtectionProvider DataProtection { get; } = new EphemeralDataProtectionProvider();
    public SecretProtector Protector { get; }
    public AuditService Audit { get; }
    public AccessKeyService Keys { get; }
    public ApiRequestVerifier Verifier { get; }

    public void Dispose() => Database.Dispose();
}

public sealed class TestActor : ICurrentActor
{
    public PermissionLevel Level { get; set; } = PermissionLevel.Edit;
    public string? UserId => "user-1";
    public string? UserName => "camille@example.fr";
    public string? IpAddress => "192.0.2.10";

    public void Demand(Section section, PermissionLevel level)
    {
        if (Level < level) throw new ForbiddenException($"{section} {level}");
    }
}

public sealed class TestStepUp : IStepUpAuthentication
{
    public bool IsFresh { get; set; } = true;

    public void Demand()
    {
        if (!IsFresh) throw new ReauthenticationRequiredException();
    }
}
