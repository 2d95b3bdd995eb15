using Dashboard.Domain.Common;

namespace Dashboard.Domain.Merchants;

/// <summary>A user's membership of one merchant with a permission level per section. Admin means Edit everywhere.</summary>
public sealed class MerchantMember
{
    private readonly List<MemberPermission> _permissions = [];

    private MerchantMember() { }

    public MerchantMember(Guid merchantId, string userId, bool isAdmin, DateTime createdUtc)
    {
        Id = Guid.NewGuid();
        MerchantId = merchantId;
        UserId = userId;
        IsAdmin = isAdmin;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string UserId { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public IReadOnlyCollection<MemberPermission> Permissions => _permissions;

    public PermissionLevel LevelFor(Section section) =>
        IsAdmin ? PermissionLevel.Edit : _permissions.FirstOrDefault(p => p.Section == section)?.Level ?? PermissionLevel.None;

    public void Grant(Section section, PermissionLevel level)
    {
        var existing = _permissions.FirstOrDefault(p => p.Section == section);
        if (existing is null)
            _permissions.Add(new MemberPermission(Id, section, level));
        else
            existing.Level = level;
    }

    public void SetAdmin(bool isAdmin) => IsAdmin = isAdmin;
}

public sealed class MemberPermission
{
    private MemberPermission() { }

    internal MemberPermission(Guid memberId, Section section, PermissionLevel level)
    {
        MemberId = memberId;
        Section = section;
        Level = level;
    }

    public Guid MemberId { get; private set; }
    public Section Section { get; private set; }
    public PermissionLevel Level { get; internal set; }
}
