using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Audit;

public sealed class AuditChainTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    public void Dispose() => _db.Dispose();

    private async Task RecordFiveAsync()
    {
        var audit = new AuditService(_db.System, _clock);
        for (var i = 1; i <= 5; i++)
        {
            await audit.RecordAsync(new AuditRecord(AuditActions.SignIn, true, $"user-{i}", $"user{i}@shop.example", IpAddress: "203.0.113.7", Details: $"#{i}"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private Task<AuditChainResult> VerifyAsync() => new AuditChainVerifier(_db.System).VerifyAsync();

    private async Task<long> IdOfAsync(string details)
    {
        await using var db = _db.Create(MerchantScope.System);
        return await db.AuditEvents.Where(e => e.Details == details).Select(e => e.Id).SingleAsync();
    }

    /// <summary>What someone with direct database access would do: drop the append-only triggers first.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var db = _db.Create(MerchantScope.System);
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate; DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        await RecordFiveAsync();
        var result = await VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(5, result.RowsChecked);
        await using var db = _db.Create(MerchantScope.System);
        Assert.All(await db.AuditEvents.ToListAsync(), e => Assert.Matches("^[0-9A-F]{64}$", e.Hash));
    }

    [Fact]
    public async Task An_edited_row_is_reported_as_the_first_broken_one()
    {
        await RecordFiveAsync();
        var third = await IdOfAsync("#3");
        await TamperAsync($"UPDATE AuditEvents SET IpAddress = '198.51.100.1' WHERE Id = {third}");
        Assert.Equal(third, (await VerifyAsync()).FirstBrokenId);
    }

    [Fact]
    public async Task A_removed_row_breaks_the_chain_at_the_next_row()
    {
        await RecordFiveAsync();
        var second = await IdOfAsync("#2");
        var third = await IdOfAsync("#3");
        await TamperAsync($"DELETE FROM AuditEvents WHERE Id = {second}");
        Assert.Equal(third, (await VerifyAsync()).FirstBrokenId);
    }

    [Fact]
    public async Task Rewriting_a_row_with_a_recomputed_hash_still_breaks_the_next_row()
    {
        await RecordFiveAsync();
        var third = await IdOfAsync("#3");
        var fourth = await IdOfAsync("#4");
        await TamperAsync($"UPDATE AuditEvents SET Success = 0, Hash = '{new string('A', 64)}' WHERE Id = {third}");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Contains(result.FirstBrokenId, new long?[] { third, fourth });
    }
}
