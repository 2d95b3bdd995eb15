using System.Collections.Concurrent;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Tests.Integration;
using Dashboard.Domain.Tests.Performance;
using Dashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>Several instances on one PostgreSQL database: the outboxes and the deadline job never act twice.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxTests(PostgresServer server)
{
    private const int Orders = 40;   // two notifications each (approved, captured)

    [Fact]
    public async Task Two_IPN_dispatchers_on_one_database_deliver_each_notification_exactly_once()
    {
        using var f = new IntegrationFixture(new PostgresDatabase(server, "ipn_two_dispatchers"));
        var settings = new IpnSettingsService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit, Options.Create(new IpnOptions()), f.Clock);
        await settings.SaveUrlAsync("https://shop.example/ipn");
        var ledger = new LedgerService(f.Database.Factory(f.Scope), f.Clock);
        for (var i = 0; i < Orders; i++)
        {
            var id = Guid.NewGuid();
            var t = f.Clock.UtcNow;
            await ledger.ApplyAsync([
                new PaymentRequested(f.Merchant.Id, PaymentEnvironment.Sandbox, $"evt-{i}-r", t, id, $"S02-{1000000 + i}-1000008", $"FR-{i}", "Camille Martin", "camille@example.fr", 5_000, "EUR"),
                new AuthorizationDecided(f.Merchant.Id, PaymentEnvironment.Sandbox, $"evt-{i}-a", t, id, true),
                new CaptureRequested(f.Merchant.Id, PaymentEnvironment.Sandbox, $"evt-{i}-c", t, id, 5_000, "EUR"),
            ]);
        }

        // One receiver, two instances sending to it at the same time, each pass slow enough to overlap.
        var received = new ConcurrentBag<string>();
        var sender = new SlowSender(received);
        var instances = Enumerable.Range(0, 2).Select(_ => new IpnDispatcher(f.Database.System, sender, f.Protector, new NoAlert(), f.Clock)).ToList();
        var attempts = await Task.WhenAll(instances.Select(async d =>
        {
            var made = 0;
            for (int n; (n = await d.DispatchDueAsync()) > 0;) made += n;
            return made;
        }));

        Assert.Equal(2 * Orders, received.Count);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.All(attempts, a => Assert.True(a > 0, $"both instances worked: {string.Join(", ", attempts)}"));
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(2 * Orders, await db.IpnNotifications.CountAsync(n => n.Status == IpnNotificationStatus.Delivered && n.AttemptCount == 1));
        Assert.Equal(2 * Orders, await db.IpnDeliveryAttempts.CountAsync());
    }

    [Fact]
    public async Task Two_mail_dispatchers_on_one_database_send_each_mail_exactly_once()
    {
        var database = new PostgresDatabase(server, "mail_two_dispatchers");
        var clock = new FakeTimeProvider(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        var outbox = new EmailOutbox(database.System, new EchoRenderer(), clock);
        await outbox.EnqueueAsync(Enumerable.Range(0, 60).Select(i => new MailRequest($"ops{i}@shop.example", "Ops", "en", "Test", [$"{i}"])).ToList());

        var transport = new CountingTransport();
        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var instance = new EmailOutbox(database.System, new EchoRenderer(), clock);
            var total = 0;
            for (int n; (n = await instance.DispatchDueAsync(clock.UtcNow, transport)) > 0;) total += n;
            return total;
        })));

        Assert.Equal(60, sent.Sum());
        Assert.Equal(60, transport.Recipients.Count);
        Assert.Equal(60, transport.Recipients.Distinct().Count());
    }

    [Fact]
    public async Task The_deadline_job_runs_on_one_instance_at_a_time()
    {
        var database = new PostgresDatabase(server, "job_lock");
        await using (var held = await RowClaims.TryLockJobAsync(database.System, PerformanceDeadlineJob.JobLockKey, CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await RowClaims.TryLockJobAsync(database.System, PerformanceDeadlineJob.JobLockKey, CancellationToken.None));
        }
        await using var again = await RowClaims.TryLockJobAsync(database.System, PerformanceDeadlineJob.JobLockKey, CancellationToken.None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Two_deadline_jobs_at_once_assign_each_overdue_claim_and_mail_each_notice_once()
    {
        using var f = new PerformanceFixture(new PostgresDatabase(server, "two_deadline_jobs"));
        var claims = new List<(Guid OrderId, Guid ClaimId)>();
        for (var i = 0; i < 4; i++) claims.Add(await f.FiledClaimAsync(amount: 10_000, claimed: 5_000));
        var deadline = (await f.Claims().GetAsync(claims[^1].ClaimId)).Claim.RespondByUtc;
        f.Clock.Set(deadline.AddMinutes(1));

        var mailer = new SlowMailer();
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            new PerformanceDeadlineJob(f.Database.System, mailer, f.Clock).RunAsync())));

        Assert.Equal(claims.Count, results.Sum(r => r.ClaimsAssigned));
        Assert.Contains(results, r => r.ClaimsAssigned == 0 && r.Mailed == 0);   // the other instance skipped the round
        Assert.All(claims, c => Assert.Single(f.Transactions(c.OrderId), t => t.Type == TransactionType.ClaimDebit));
        Assert.NotEmpty(mailer.Mailed);
        Assert.Equal(mailer.Mailed.Count, mailer.Mailed.Distinct().Count());
    }

    private sealed class SlowMailer : INoticeMailer
    {
        public ConcurrentBag<Guid> Mailed { get; } = [];

        public async Task SendAsync(IReadOnlyList<PerformanceNotice> notices, CancellationToken ct)
        {
            await Task.Delay(200, ct);
            foreach (var n in notices) Mailed.Add(n.Id);
        }
    }

    private sealed class SlowSender(ConcurrentBag<string> received) : IIpnSender
    {
        public async Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            received.Add(headers[IpnSigner.EventIdHeader]);
            return new IpnSendResult(200, 5, "ok", null);
        }
    }

    private sealed class NoAlert : IIpnFailureAlert
    {
        public Task EndpointFailingAsync(Guid merchantId, PaymentEnvironment environment, string url, int consecutiveFailures, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class EchoRenderer : IMailRenderer
    {
        public RenderedMail Render(MailRequest r) => new($"[{r.Culture}] {r.TemplateKey}", string.Join(",", r.Args));
    }

    private sealed class CountingTransport : IMailTransport
    {
        public ConcurrentBag<string> Recipients { get; } = [];

        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            Recipients.Add(message.Recipient);
        }
    }
}
