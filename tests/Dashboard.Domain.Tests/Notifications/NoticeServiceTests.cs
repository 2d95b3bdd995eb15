using Dashboard.Domain.Common;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Tests.Performance;
using Dashboard.Domain.Users;

namespace Dashboard.Domain.Tests.Notifications;

/// <summary>Read state is per user: one colleague reading a notice leaves it unread for the others.</summary>
public sealed class NoticeServiceTests : IDisposable
{
    private readonly PerformanceFixture f = new();

    public NoticeServiceTests()
    {
        using var db = f.Database.Create(MerchantScope.System);
        foreach (var id in new[] { "anna", "ben" }) db.Users.Add(new DashboardUser { Id = id, UserName = id, Email = $"{id}@example.com" });
        db.SaveChanges();
    }

    public void Dispose() => f.Dispose();

    private NoticeService As(string userId, PermissionLevel level = PermissionLevel.View) =>
        new(f.Database.Factory(f.Scope), new NamedActor(userId, level), f.Clock);

    [Fact]
    public async Task Marking_a_notice_read_marks_it_only_for_that_user()
    {
        await f.FiledClaimAsync();
        await f.FiledChargebackAsync();
        Assert.Equal(2, await As("anna").UnreadCountAsync());
        Assert.Equal(2, await As("ben").UnreadCountAsync());

        var first = (await As("anna").ListAsync(unreadOnly: false, null, 0, 10)).Items[0];
        Assert.Equal(1, await As("anna").MarkReadAsync([first.Id]));
        Assert.Equal(0, await As("anna").MarkReadAsync([first.Id]));   // already read: nothing new

        Assert.Equal(1, await As("anna").UnreadCountAsync());
        Assert.Equal(2, await As("ben").UnreadCountAsync());
        var annas = await As("anna").ListAsync(unreadOnly: false, null, 0, 10);
        Assert.Equal(f.Clock.UtcNow, annas.Items.Single(n => n.Id == first.Id).ReadUtc);
        Assert.Null((await As("ben").ListAsync(unreadOnly: false, null, 0, 10)).Items.Single(n => n.Id == first.Id).ReadUtc);
        Assert.Equal(1, (await As("anna").ListAsync(unreadOnly: true, null, 0, 10)).Total);
    }

    [Fact]
    public async Task Mark_all_read_is_per_user_and_new_notices_are_unread_again()
    {
        await f.FiledClaimAsync();
        Assert.Equal(1, await As("ben").MarkAllReadAsync());
        Assert.Equal(0, await As("ben").UnreadCountAsync());
        Assert.Equal(1, await As("anna").UnreadCountAsync());

        await f.FiledChargebackAsync();
        Assert.Equal(1, await As("ben").UnreadCountAsync());
        Assert.Equal(2, await As("anna").UnreadCountAsync());
    }

    [Fact]
    public async Task A_user_without_the_notifications_section_sees_no_badge()
    {
        await f.FiledClaimAsync();
        Assert.Equal(0, await As("anna", PermissionLevel.None).UnreadCountAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => As("anna", PermissionLevel.None).MarkAllReadAsync());
    }

    private sealed class NamedActor(string userId, PermissionLevel level) : ICurrentActor
    {
        public string? UserId => userId;
        public string? UserName => userId + "@example.com";
        public string? IpAddress => "127.0.0.1";

        public void Demand(Section section, PermissionLevel required)
        {
            if (level < required) throw new ForbiddenException($"{section} {required}");
        }
    }
}
