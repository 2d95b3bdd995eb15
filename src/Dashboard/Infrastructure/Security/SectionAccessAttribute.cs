using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Infrastructure.Security;

/// <summary>Declares the section permission a page or endpoint needs: <c>@attribute [SectionAccess(Section.Claims)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SectionAccessAttribute : AuthorizeAttribute
{
    public SectionAccessAttribute(Section section, PermissionLevel level = PermissionLevel.View)
    {
        Section = section;
        Level = level;
        Policy = Policies.ForSection(section, level);
    }

    public Section Section { get; }
    public PermissionLevel Level { get; }
}

/// <summary>Any member of at least one merchant (the home page, the user's own settings).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class MemberAccessAttribute : AuthorizeAttribute
{
    public MemberAccessAttribute() => Policy = Policies.Member;
}

public static class Policies
{
    public const string Member = "Member";
    private const string SectionPrefix = "Section:";

    public static string ForSection(Section section, PermissionLevel level) => $"{SectionPrefix}{section}:{level}";

    internal static bool TryParse(string policy, out Section section, out PermissionLevel level)
    {
        section = default;
        level = default;
        if (!policy.StartsWith(SectionPrefix, StringComparison.Ordinal)) return false;
        var parts = policy[SectionPrefix.Length..].Split(':');
        return parts.Length == 2 && Enum.TryParse(parts[0], out section) && Enum.TryParse(parts[1], out level);
    }
}
