using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>LOG-03 with several portal instances on PostgreSQL: an append waits for another instance's append (the
/// in-process lock cannot see it), so the chain never forks.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditChainTests(PostgresServer server)
{
    [Fact]
    public async Task An_append_waits_while_another_instance_holds_the_chain_and_the_chain_stays_intact()
    {
        var database = new PostgresDatabase(server, "audit_chain_lock");
        var clock = new FakeTimeProvider(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        var audit = new AuditService(database.Factory(MerchantScope.System), clock);
        await audit.RecordAsync(new AuditRecord(AuditActions.SignIn, true, "user-1", "first@example.com"));

        // "Another instance" in the middle of its append: a transaction holding the chain's lock.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        var tx = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AuditService.ChainLockKey})", other, tx))
            await take.ExecuteNonQueryAsync();

        var append = audit.RecordAsync(new AuditRecord(AuditActions.SignIn, true, "user-2", "second@example.com"));
        await Task.Delay(1_000);
        Assert.False(append.IsCompleted, "the append went ahead while another instance held the chain");

        await tx.CommitAsync();   // the other instance is done
        await append.WaitAsync(TimeSpan.FromSeconds(10));

        await using var db = database.Create(MerchantScope.System);
        Assert.Equal(2, await db.AuditEvents.CountAsync());
        var result = await new AuditChainVerifier(database.Factory(MerchantScope.System)).VerifyAsync();
        Assert.True(result.Intact);
    }
}
