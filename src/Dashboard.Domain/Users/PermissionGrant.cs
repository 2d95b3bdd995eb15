using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;

namespace Dashboard.Domain.Users;

/// <summary>What a member may do: admin (Edit everywhere) or a level per section. Sections not listed are None.</summary>
public sealed record PermissionGrant(bool IsAdmin, IReadOnlyDictionary<Section, PermissionLevel> Levels)
{
    /// <summary>Granting any of these (or admin) hands over control of people, money or keys: it needs step-up (AUTH-08).</summary>
    public static readonly IReadOnlyList<Section> SensitiveSections = [Section.Users, Section.AccountInfo, Section.Integration];

    public static PermissionGrant Admin { get; } = new(true, new Dictionary<Section, PermissionLevel>());

    public PermissionLevel LevelFor(Section section) =>
        IsAdmin ? PermissionLevel.Edit : Levels.TryGetValue(section, out var level) ? level : PermissionLevel.None;

    public static PermissionGrant Of(MerchantMember member) =>
        new(member.IsAdmin, Enum.GetValues<Section>().ToDictionary(s => s, s => member.IsAdmin ? PermissionLevel.None : member.LevelFor(s)));

    /// <summary>True when this grant gives more than <paramref name="before"/> on a sensitive section.</summary>
    public bool RaisesSensitive(PermissionGrant? before) =>
        (IsAdmin && before?.IsAdmin != true)
        || SensitiveSections.Any(s => LevelFor(s) > (before?.LevelFor(s) ?? PermissionLevel.None));

    /// <summary>"Claims:Edit,Payments:View" — stored with invitations and written to the audit trail.</summary>
    public string Encode() => IsAdmin
        ? "Admin"
        : string.Join(",", Enum.GetValues<Section>().Where(s => LevelFor(s) > PermissionLevel.None).Select(s => $"{s}:{LevelFor(s)}"));

    public static PermissionGrant Decode(string encoded)
    {
        if (encoded == "Admin") return Admin;
        var levels = new Dictionary<Section, PermissionLevel>();
        foreach (var part in encoded.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split(':');
            if (pair.Length == 2 && Enum.TryParse<Section>(pair[0], out var s) && Enum.TryParse<PermissionLevel>(pair[1], out var l))
                levels[s] = l;
        }
        return new PermissionGrant(false, levels);
    }

    public void ApplyTo(MerchantMember member)
    {
        member.SetAdmin(IsAdmin);
        foreach (var section in Enum.GetValues<Section>())
            member.Grant(section, IsAdmin ? PermissionLevel.None : LevelFor(section));
    }
}
