using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Ledger;

public sealed class LedgerServiceTests : IDisposable
{
    private readonly LedgerFixture _f = new();
    private static readonly DateTime T0 = LedgerFixture.T0;

    public void Dispose() => _f.Dispose();

    private async Task<PaymentOrder> LoadAsync(Guid orderId)
    {
        await using var db = _f.Database.Create(MerchantScope.System);
        return await db.PaymentOrders.Include(o => o.Transactions).SingleAsync(o => o.Id == orderId);
    }

    private int Count<T>() where T : class
    {
        using var db = _f.Database.Create(MerchantScope.System);
        return db.Set<T>().Count();
    }

    [Fact]
    public async Task A_batch_creates_approves_captures_and_refunds_an_order()
    {
        var request = _f.Requested(10_000, T0);
        var result = await _f.Ledger.ApplyAsync([
            request,
            _f.Approved(request.OrderId, T0.AddMinutes(1)),
            _f.Capture(request.OrderId, 6_000, T0.AddDays(1)),
            _f.Refund(request.OrderId, 1_000, T0.AddDays(2)),
        ]);

        Assert.Equal(new LedgerBatchResult(4, 0), result);
        var order = await LoadAsync(request.OrderId);
        Assert.Equal(AuthorizationStatus.Open, order.AuthorizationStatus);
        Assert.Equal(6_000, order.CapturedAmount);
        Assert.Equal(1_000, order.RefundedAmount);
        Assert.Equal(3, order.Transactions.Count);
        Assert.Equal(4, Count<ProcessedPaymentEvent>());
    }

    [Fact]
    public async Task Later_batches_change_orders_written_by_earlier_ones()
    {
        var request = _f.Requested(10_000, T0);
        await _f.Ledger.ApplyAsync(request);
        await _f.Ledger.ApplyAsync(_f.Approved(request.OrderId, T0.AddMinutes(1)));
        await _f.Ledger.ApplyAsync(_f.Capture(request.OrderId, 10_000, T0.AddDays(1)));
        var order = await LoadAsync(request.OrderId);
        Assert.Equal(AuthorizationStatus.Closed, order.AuthorizationStatus);
        Assert.Equal(2, order.Version);   // one per verb: Decide, Capture
    }

    [Fact]
    public async Task The_same_event_twice_has_one_effect()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0, captured: 2_000);
        var capture = _f.Capture(orderId, 3_000, T0.AddDays(1));

        Assert.Equal(new LedgerBatchResult(1, 0), await _f.Ledger.ApplyAsync(capture));
        Assert.Equal(new LedgerBatchResult(0, 1), await _f.Ledger.ApplyAsync(capture));
        Assert.Equal(new LedgerBatchResult(0, 2), await _f.Ledger.ApplyAsync([capture, capture]));

        Assert.Equal(5_000, (await LoadAsync(orderId)).CapturedAmount);
    }

    [Fact]
    public async Task An_event_repeated_inside_one_batch_is_applied_once()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0, captured: 2_000);
        var refund = _f.Refund(orderId, 500, T0.AddDays(1));
        Assert.Equal(new LedgerBatchResult(1, 1), await _f.Ledger.ApplyAsync([refund, refund]));
        Assert.Equal(500, (await LoadAsync(orderId)).RefundedAmount);
    }

    [Fact]
    public async Task A_batch_with_one_bad_event_writes_nothing()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0, captured: 2_000);
        var before = (Orders: Count<PaymentOrder>(), Transactions: Count<PaymentTransaction>(), Events: Count<ProcessedPaymentEvent>());
        var good = _f.Requested(5_000, T0.AddHours(1));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Ledger.ApplyAsync([
            good,
            _f.Approved(good.OrderId, T0.AddHours(1).AddMinutes(1)),
            _f.Capture(orderId, 1_000, T0.AddDays(1)),
            _f.Refund(orderId, 99_999, T0.AddDays(2)),   // more than captured
        ]));

        Assert.Equal("Error.RefundExceedsCaptured", ex.MessageKey);
        Assert.Equal(before, (Count<PaymentOrder>(), Count<PaymentTransaction>(), Count<ProcessedPaymentEvent>()));
        Assert.Equal(2_000, (await LoadAsync(orderId)).CapturedAmount);
    }

    [Fact]
    public async Task A_rejected_batch_can_be_fixed_and_resent_with_the_same_event_ids()
    {
        var request = _f.Requested(5_000, T0);
        var capture = _f.Capture(request.OrderId, 9_000, T0.AddDays(1));
        await Assert.ThrowsAsync<DomainRuleException>(() => _f.Ledger.ApplyAsync([request, _f.Approved(request.OrderId, T0.AddMinutes(1)), capture]));

        var result = await _f.Ledger.ApplyAsync([request, _f.Approved(request.OrderId, T0.AddMinutes(1)), capture with { Amount = 5_000 }]);
        Assert.Equal(3, result.Applied);
    }

    [Fact]
    public async Task An_event_in_another_currency_than_the_merchants_is_refused()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Ledger.ApplyAsync(_f.Requested(5_000, T0, currency: "GBP")));
        Assert.Equal("Error.CurrencyMismatch", ex.MessageKey);
    }

    [Fact]
    public async Task Orders_only_exist_for_known_merchants()
    {
        var request = _f.Requested(5_000, T0) with { MerchantId = Guid.NewGuid() };
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Ledger.ApplyAsync(request));
        Assert.Equal("Error.UnknownMerchant", ex.MessageKey);
    }

    [Fact]
    public async Task An_event_cannot_reach_an_order_of_another_environment()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0, captured: 2_000);
        var sandboxCapture = _f.Capture(orderId, 1_000, T0.AddDays(1)) with { Environment = PaymentEnvironment.Sandbox };
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _f.Ledger.ApplyAsync(sandboxCapture));
        Assert.Equal("Error.OrderNotFound", ex.MessageKey);
    }

    [Fact]
    public async Task The_expiry_check_expires_open_authorizations_and_times_out_stale_requests()
    {
        var open = _f.Requested(1_000, T0);
        var partly = _f.Requested(1_000, T0);
        var stale = _f.Requested(1_000, T0);
        var young = _f.Requested(1_000, T0.AddDays(20));
        await _f.Ledger.ApplyAsync([
            open, _f.Approved(open.OrderId, T0.AddMinutes(1)),
            partly, _f.Approved(partly.OrderId, T0.AddMinutes(1)), _f.Capture(partly.OrderId, 400, T0.AddDays(1)),
            stale,
            young, _f.Approved(young.OrderId, T0.AddDays(20).AddMinutes(1)),
        ]);

        await _f.Ledger.ApplyAsync(new AuthorizationExpiryCheck(_f.Merchant.Id, _f.Environment, "check-1", T0.AddDays(31)));

        Assert.Equal(AuthorizationStatus.Expired, (await LoadAsync(open.OrderId)).AuthorizationStatus);
        Assert.Equal(AuthorizationStatus.Closed, (await LoadAsync(partly.OrderId)).AuthorizationStatus);
        var timedOut = await LoadAsync(stale.OrderId);
        Assert.Equal(AuthorizationStatus.Declined, timedOut.AuthorizationStatus);
        Assert.Equal(DeclineReason.TransactionTimedOut, timedOut.DeclineReason);
        Assert.Equal(AuthorizationStatus.Open, (await LoadAsync(young.OrderId)).AuthorizationStatus);
    }

    [Fact]
    public async Task A_concurrent_change_to_the_same_order_is_detected()
    {
        var orderId = await _f.CapturedOrderAsync(10_000, T0, captured: 2_000);
        await using var first = _f.Database.Create(MerchantScope.System);
        await using var second = _f.Database.Create(MerchantScope.System);
        var a = await first.PaymentOrders.Include(o => o.Transactions).SingleAsync(o => o.Id == orderId);
        var b = await second.PaymentOrders.Include(o => o.Transactions).SingleAsync(o => o.Id == orderId);
        first.Add(a.Capture(1_000, T0.AddDays(1)));
        second.Add(b.Capture(1_000, T0.AddDays(1)));
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
