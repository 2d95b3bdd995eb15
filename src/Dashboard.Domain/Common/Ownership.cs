namespace Dashboard.Domain.Common;

/// <summary>A row that belongs to one merchant; the DbContext filters and guards it by the current scope.</summary>
public interface IMerchantOwned
{
    Guid MerchantId { get; }
}

/// <summary>A merchant-owned row whose data differ between Sandbox and Production.</summary>
public interface IEnvironmentOwned : IMerchantOwned
{
    PaymentEnvironment Environment { get; }
}
