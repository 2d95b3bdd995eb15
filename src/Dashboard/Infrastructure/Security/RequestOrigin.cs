namespace Dashboard.Infrastructure.Security;

/// <summary>
/// The client address of the request or circuit, for the audit trail. HttpContext is not available inside a circuit,
/// so App.razor passes the address of the initial request to the interactive root (a protected component parameter).
/// </summary>
public sealed class RequestOrigin
{
    public string? IpAddress { get; set; }
}
