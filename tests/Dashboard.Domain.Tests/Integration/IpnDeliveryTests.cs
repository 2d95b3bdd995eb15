using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Tests.Integration;

public sealed class IpnDeliveryTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly FakeSender sender = new();
    private readonly CountingAlert alert = new();
    private readonly IpnSettingsService settings;
    private readonly IpnDispatcher dispatcher;
    private readonly LedgerService ledger;

    public IpnDeliveryTests()
    {
        settings = new IpnSettingsService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit,
            Options.Create(new IpnOptions()), f.Clock);
        dispatcher = new IpnDispatcher(f.Database.System, sender, f.Protector, alert, f.Clock);
        ledger = new LedgerService(f.Database.Factory(f.Scope), f.Clock);
    }

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task Every_ledger_change_writes_its_notification_in_the_same_transaction()
    {
        var secret = await settings.SaveUrlAsync("https://shop.example/ipn");
        Assert.StartsWith("ipnsec_test_", secret);
        var order = await PaidOrderAsync();

        await using var db = f.Database.Create(MerchantScope.System);
        var types = await db.IpnNotifications.OrderBy(n => n.Id).Select(n => n.Type).ToListAsync();
        Assert.Equal(["payment.authorization.approved", "payment.capture"], types);

        // A refused event rolls back its notification too.
        await Assert.ThrowsAsync<DomainRuleException>(() => ledger.ApplyAsync(
            new RefundRequested(f.Merchant.Id, PaymentEnvironment.Sandbox, "evt-bad", f.Clock.UtcNow, order, 999_999, "EUR")));
        Assert.Equal(2, await db.IpnNotifications.CountAsync());
    }

    [Fact]
    public async Task Without_an_endpoint_the_ledger_writes_no_notifications()
    {
        await PaidOrderAsync();
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(0, await db.IpnNotifications.CountAsync());
    }

    [Fact]
    public async Task Notifications_are_sent_signed_in_order_with_their_event_id()
    {
        var secret = await settings.SaveUrlAsync("https://shop.example/ipn");
        await PaidOrderAsync();

        Assert.Equal(2, await dispatcher.DispatchDueAsync());

        Assert.Equal(["payment.authorization.approved", "payment.capture"], sender.Sent.Select(s => System.Text.Json.JsonDocument.Parse(s.Body).RootElement.GetProperty("type").GetString()));
        Assert.All(sender.Sent, s => Assert.True(IpnSigner.Verify(s.Headers[IpnSigner.Header], s.Body, secret!, f.Clock.GetUtcNow().ToUnixTimeSeconds())));
        Assert.All(sender.Sent, s => Assert.Contains(s.Headers[IpnSigner.EventIdHeader], s.Body));
        var log = await settings.DeliveriesAsync(failedOnly: false);
        Assert.Equal(2, log.Count);
        Assert.All(log, r => Assert.True(r.Success));
        Assert.NotNull((await settings.GetAsync()).LastSuccessUtc);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_backoff_and_the_same_event_id_until_three_days_have_passed()
    {
        await settings.SaveUrlAsync("https://shop.example/ipn");
        await settings.SendTestAsync();
        sender.Status = 500;

        var attemptTimes = new List<DateTime>();
        for (var minute = 0; minute < 4 * 24 * 60; minute++)
        {
            if (await dispatcher.DispatchDueAsync() > 0) attemptTimes.Add(f.Clock.UtcNow);
            f.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Single(sender.Sent.Select(s => s.Headers[IpnSigner.EventIdHeader]).Distinct());
        var gaps = attemptTimes.Zip(attemptTimes.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(TimeSpan.FromMinutes(1), gaps[0]);
        Assert.Equal(TimeSpan.FromMinutes(5), gaps[1]);
        Assert.Equal(TimeSpan.FromMinutes(30), gaps[2]);
        Assert.True(attemptTimes[^1] - attemptTimes[0] <= IpnNotification.RetryHorizon);
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(IpnNotificationStatus.Failed, (await db.IpnNotifications.SingleAsync()).Status);
        Assert.Equal(1, alert.Count); // one e-mail when the endpoint crossed the threshold, not one per failure

        // A manual resend: same event id, delivered once the endpoint works again.
        sender.Status = 200;
        await settings.ResendAsync((await db.IpnNotifications.SingleAsync()).Id);
        Assert.Equal(1, await dispatcher.DispatchDueAsync());
        Assert.Single(sender.Sent.Select(s => s.Headers[IpnSigner.EventIdHeader]).Distinct());
        Assert.Equal(0, (await settings.GetAsync()).ConsecutiveFailures);
    }

    [Fact]
    public async Task A_dispatcher_that_stops_mid_send_leaves_the_notification_pending_for_the_next_run()
    {
        await settings.SaveUrlAsync("https://shop.example/ipn");
        await settings.SendTestAsync();
        sender.ThrowCancel = true;
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchDueAsync(cts.Token));

        sender.ThrowCancel = false;
        Assert.Equal(1, await dispatcher.DispatchDueAsync());
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
    }

    [Fact]
    public async Task An_endpoint_that_hangs_does_not_hold_up_deliveries_to_healthy_endpoints_and_is_retried_with_backoff()
    {
        var production = new IpnSettingsService(f.Database.Factory(new MerchantScope(f.Merchant.Id, PaymentEnvironment.Production)),
            f.Actor, f.StepUp, f.Protector, f.Audit, Options.Create(new IpnOptions()), f.Clock);
        await settings.SaveUrlAsync("https://hangs.example/ipn");
        await settings.SendTestAsync();
        await production.SaveUrlAsync("https://healthy.example/ipn");
        for (var i = 0; i < 3; i++) await production.SendTestAsync();
        var hanging = new HangingSender("hangs.example");
        var dispatcher = new IpnDispatcher(f.Database.System, hanging, f.Protector, alert, f.Clock);

        var round = dispatcher.DispatchDueAsync();

        // The healthy endpoint gets all three while the hanging request is still in flight.
        await hanging.HealthyDelivered(3).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(hanging.InFlight);
        Assert.False(round.IsCompleted);

        hanging.Answer(500); // the receiver finally fails (or the sender's timeout ends the request)
        Assert.Equal(4, await round.WaitAsync(TimeSpan.FromSeconds(5)));
        await using (var db = f.Database.Create(MerchantScope.System))
        {
            var byEnvironment = await db.IpnNotifications.GroupBy(n => n.Environment)
                .Select(g => new { g.Key, Delivered = g.Count(n => n.Status == IpnNotificationStatus.Delivered), Pending = g.Count(n => n.Status == IpnNotificationStatus.Pending) })
                .ToDictionaryAsync(x => x.Key);
            Assert.Equal(3, byEnvironment[PaymentEnvironment.Production].Delivered);
            Assert.Equal(1, byEnvironment[PaymentEnvironment.Sandbox].Pending);
        }

        // Backoff: not again at once; a minute later it is retried with the same event id and delivered.
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        hanging.Hangs = false;
        Assert.Equal(1, await dispatcher.DispatchDueAsync());
        Assert.Equal(2, hanging.EventIdsTo("hangs.example").Count);
        Assert.Single(hanging.EventIdsTo("hangs.example").Distinct());
    }

    [Fact]
    public async Task Changing_the_endpoint_needs_reauthentication_and_is_audited()
    {
        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => settings.SaveUrlAsync("https://shop.example/ipn"));
        f.StepUp.IsFresh = true;
        await settings.SaveUrlAsync("https://shop.example/ipn");
        var rolled = await settings.RollSecretAsync();
        await using var db = f.Database.Create(MerchantScope.System);
        var audit = await db.AuditEvents.Where(e => e.TargetType == "IpnEndpoint").ToListAsync();
        Assert.Equal([IntegrationAuditActions.IpnEndpointChanged, IntegrationAuditActions.IpnSecretRolled], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain(rolled, a.Details ?? ""));
        Assert.All(audit, a => Assert.Equal(f.Merchant.Id, a.MerchantId));
    }

    private async Task<Guid> PaidOrderAsync()
    {
        var id = Guid.NewGuid();
        var t = f.Clock.UtcNow;
        await ledger.ApplyAsync([
            new PaymentRequested(f.Merchant.Id, PaymentEnvironment.Sandbox, "evt-1", t, id, "S02-1000001-1000008", "FR-1", "Camille Martin", "camille@example.fr", 5_000, "EUR"),
            new AuthorizationDecided(f.Merchant.Id, PaymentEnvironment.Sandbox, "evt-2", t, id, true),
            new CaptureRequested(f.Merchant.Id, PaymentEnvironment.Sandbox, "evt-3", t, id, 5_000, "EUR"),
        ]);
        return id;
    }

    private sealed class FakeSender : IIpnSender
    {
        public int Status { get; set; } = 200;
        public bool ThrowCancel { get; set; }
        public List<(string Url, string Body, IReadOnlyDictionary<string, string> Headers)> Sent { get; } = [];

        public Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
        {
            if (ThrowCancel) throw new OperationCanceledException(ct);
            Sent.Add((url, body, headers));
            return Task.FromResult(new IpnSendResult(Status, 12, Status == 200 ? "ok" : "error", null));
        }
    }

    /// <summary>Answers one host only when told to (a receiver that hangs); every other host at once with 200.</summary>
    private sealed class HangingSender(string hangingHost) : IIpnSender
    {
        private readonly object _gate = new();
        private readonly List<(string Host, string EventId)> _sent = [];
        private TaskCompletionSource<int> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _healthyTarget = int.MaxValue;

        public bool Hangs { get; set; } = true;
        public bool InFlight { get; private set; }

        public async Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
        {
            var host = new Uri(url).Host;
            lock (_gate) _sent.Add((host, headers[IpnSigner.EventIdHeader]));
            if (host != hangingHost)
            {
                lock (_gate) if (_sent.Count(s => s.Host != hangingHost) >= _healthyTarget) _healthy.TrySetResult();
                return new IpnSendResult(200, 3, "ok", null);
            }
            if (!Hangs) return new IpnSendResult(200, 3, "ok", null);
            InFlight = true;
            var status = await _answer.Task.WaitAsync(ct);
            InFlight = false;
            return new IpnSendResult(status, 10_000, "error", null);
        }

        public Task HealthyDelivered(int count)
        {
            lock (_gate)
            {
                _healthyTarget = count;
                if (_sent.Count(s => s.Host != hangingHost) >= count) _healthy.TrySetResult();
                return _healthy.Task;
            }
        }

        public void Answer(int status) => _answer.TrySetResult(status);

        public List<string> EventIdsTo(string host)
        {
            lock (_gate) return [.. _sent.Where(s => s.Host == host).Select(s => s.EventId)];
        }
    }

    private sealed class CountingAlert : IIpnFailureAlert
    {
        public int Count { get; private set; }

        public Task EndpointFailingAsync(Guid merchantId, PaymentEnvironment environment, string url, int consecutiveFailures, CancellationToken ct)
        {
            Count++;
            return Task.CompletedTask;
        }
    }
}
