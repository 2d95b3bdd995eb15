using Dashboard.Domain.Common;

namespace Dashboard.Domain.Tests.Reports;

/// <summary>An actor holding exactly the given permissions.</summary>
public sealed class FakeActor(params (Section Section, PermissionLevel Level)[] grants) : ICurrentActor
{
    public string? UserId => "user-1";
    public string? UserName => "user@example.com";
    public string? IpAddress => "127.0.0.1";

    public void Demand(Section section, PermissionLevel level)
    {
        if (!grants.Any(g => g.Section == section && g.Level >= level)) throw new ForbiddenException($"{section} {level}");
    }

    public static FakeActor Reports { get; } = new((Section.Transactions, PermissionLevel.View), (Section.Payments, PermissionLevel.View));
}
