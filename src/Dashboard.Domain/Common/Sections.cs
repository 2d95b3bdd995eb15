namespace Dashboard.Domain.Common;

/// <summary>The portal's sections, each with its own permission level per member (seed 000's user permissions).</summary>
public enum Section
{
    Integration = 0,
    TestAccounts = 1,
    Transactions = 2,
    Payments = 3,
    Claims = 4,
    Chargebacks = 5,
    Notifications = 6,
    AccountInfo = 7,
    Users = 8,
}

public enum PermissionLevel
{
    None = 0,
    View = 1,
    Edit = 2,
}
