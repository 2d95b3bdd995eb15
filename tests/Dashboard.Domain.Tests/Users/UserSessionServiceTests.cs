using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using static Dashboard.Domain.Tests.Users.UsersFixture;

namespace Dashboard.Domain.Tests.Users;

public sealed class UserSessionServiceTests : IDisposable
{
    private readonly UsersFixture _f = new();
    private readonly DashboardUser _user;
    private readonly UserSessionService _sessions;

    public UserSessionServiceTests()
    {
        _user = _f.AddUser("sessions@shop.example");
        _sessions = new UserSessionService(_f.Db.Factory(MerchantScope.System), _f.Clock, TimeSpan.FromHours(12));
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var id = await _sessions.StartAsync(_user.Id, "203.0.113.1", "Firefox");
        _f.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(await _sessions.IsActiveAsync(_user.Id, id, "203.0.113.2"));
        Assert.Equal((Start, "203.0.113.1"), Single());

        _f.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await _sessions.IsActiveAsync(_user.Id, id, "203.0.113.2"));
        Assert.Equal((Start.AddSeconds(61), "203.0.113.2"), Single());
    }

    [Fact]
    public async Task Ending_one_session_leaves_the_others_and_ending_all_leaves_none()
    {
        var first = await _sessions.StartAsync(_user.Id, "203.0.113.1", "Firefox");
        var second = await _sessions.StartAsync(_user.Id, "203.0.113.9", "Chrome");
        var stranger = _f.AddUser("stranger@shop.example");

        Assert.False(await _sessions.EndAsync(stranger.Id, first));
        Assert.True(await _sessions.EndAsync(_user.Id, first));
        Assert.False(await _sessions.IsActiveAsync(_user.Id, first, null));
        Assert.True(await _sessions.IsActiveAsync(_user.Id, second, null));
        Assert.Equal(["Chrome"], (await _sessions.ListAsync(_user.Id)).Select(s => s.UserAgent));

        await _sessions.EndAllAsync(_user.Id);
        Assert.False(await _sessions.IsActiveAsync(_user.Id, second, null));
        Assert.Empty(await _sessions.ListAsync(_user.Id));
    }

    [Fact]
    public async Task A_session_older_than_the_absolute_lifetime_is_over_and_not_listed()
    {
        var id = await _sessions.StartAsync(_user.Id, null, null);
        _f.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        Assert.False(await _sessions.IsActiveAsync(_user.Id, id, null));
        Assert.Empty(await _sessions.ListAsync(_user.Id));
    }

    private (DateTime, string?) Single()
    {
        using var db = _f.Db.Create(MerchantScope.System);
        var s = db.UserSessions.Single();
        return (s.LastSeenUtc, s.IpAddress);
    }
}
