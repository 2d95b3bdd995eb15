namespace Dashboard.Domain.Common;

/// <summary>The two views of a merchant account (seed 001: test in the Sandbox, then switch to Production).</summary>
public enum PaymentEnvironment
{
    Sandbox = 0,
    Production = 1,
}
