using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Tests.Ledger;

public class PaymentOrderTests
{
    private static readonly DateTime T0 = Orders.T0;

    private static string KeyOf(Action action) => Assert.Throws<DomainRuleException>(action).MessageKey;

    [Fact]
    public void A_new_order_is_Pending_with_a_pending_authorization_row()
    {
        var order = Orders.Pending();
        Assert.Equal(AuthorizationStatus.Pending, order.AuthorizationStatus);
        var auth = Assert.Single(order.Transactions);
        Assert.Equal(TransactionType.Authorization, auth.Type);
        Assert.Equal(TransactionStatus.Pending, auth.Status);
        Assert.Matches(@"^S02-\d{7}-\d{7}-A\d{6}$", auth.ProviderReferenceId);
    }

    [Fact]
    public void An_approved_order_is_Open_and_its_authorization_lives_30_days_in_production()
    {
        var order = Orders.Pending();
        order.Decide(true, null, T0.AddMinutes(2));
        Assert.Equal(AuthorizationStatus.Open, order.AuthorizationStatus);
        Assert.Equal(T0.AddMinutes(2).AddDays(30), order.AuthorizationExpiresUtc);
        Assert.Equal(TransactionStatus.Open, order.Transactions.Single().Status);
    }

    [Fact]
    public void A_sandbox_authorization_lives_2_days()
    {
        var order = Orders.Pending(environment: PaymentEnvironment.Sandbox);
        order.Decide(true, null, T0.AddMinutes(2));
        Assert.Equal(T0.AddMinutes(2).AddDays(2), order.AuthorizationExpiresUtc);
    }

    [Fact]
    public void A_declined_order_keeps_its_reason()
    {
        var order = Orders.Pending();
        order.Decide(false, DeclineReason.InvalidPaymentMethod, T0.AddMinutes(1));
        Assert.Equal(AuthorizationStatus.Declined, order.AuthorizationStatus);
        Assert.Equal(DeclineReason.InvalidPaymentMethod, order.DeclineReason);
        Assert.Equal("InvalidPaymentMethod", order.Transactions.Single().ReasonCode);
    }

    [Fact]
    public void A_decline_needs_a_reason() =>
        Assert.Equal("Error.DeclineReasonRequired", KeyOf(() => Orders.Pending().Decide(false, null, T0)));

    [Fact]
    public void An_approval_after_15_minutes_is_reported_as_timed_out()
    {
        var order = Orders.Pending();
        order.Decide(true, null, T0.AddMinutes(16));
        Assert.Equal(AuthorizationStatus.Declined, order.AuthorizationStatus);
        Assert.Equal(DeclineReason.TransactionTimedOut, order.DeclineReason);
    }

    [Fact]
    public void An_order_cannot_be_decided_twice() =>
        Assert.Equal("Error.IllegalTransition", KeyOf(() => Orders.Open().Decide(false, DeclineReason.AmazonRejected, T0.AddMinutes(3))));

    [Fact]
    public void A_pending_order_cannot_be_captured() =>
        Assert.Equal("Error.AuthorizationNotOpen", KeyOf(() => Orders.Pending().Capture(100, T0)));

    [Fact]
    public void Several_partial_captures_add_up_to_the_authorized_amount_and_then_close_the_authorization()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(3_000, T0.AddDays(1));
        order.Capture(3_000, T0.AddDays(2));
        Assert.Equal(AuthorizationStatus.Open, order.AuthorizationStatus);
        Assert.Equal(4_000, order.RemainingCapturable);
        order.Capture(4_000, T0.AddDays(3));
        Assert.Equal(10_000, order.CapturedAmount);
        Assert.Equal(AuthorizationStatus.Closed, order.AuthorizationStatus);
        Assert.Equal(0, order.RemainingCapturable);
        var captureIds = order.Transactions.Where(t => t.Type == TransactionType.Capture).Select(t => t.ProviderReferenceId).ToList();
        Assert.Equal(3, captureIds.Distinct().Count());
        Assert.All(captureIds, id => Assert.Matches(@"-C\d{6}$", id));
    }

    [Fact]
    public void A_capture_cannot_exceed_the_remaining_authorized_amount()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(6_000, T0.AddDays(1));
        Assert.Equal("Error.CaptureExceedsAuthorized", KeyOf(() => order.Capture(4_001, T0.AddDays(2))));
        Assert.Equal(6_000, order.CapturedAmount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Amounts_must_be_positive(long amount)
    {
        var order = Orders.Open();
        Assert.Equal("Error.AmountMustBePositive", KeyOf(() => order.Capture(amount, T0.AddDays(1))));
        order.Capture(1_000, T0.AddDays(1));
        Assert.Equal("Error.AmountMustBePositive", KeyOf(() => order.Refund(amount, T0.AddDays(2))));
    }

    [Fact]
    public void An_authorization_cannot_be_captured_once_its_lifetime_has_passed()
    {
        var order = Orders.Open();
        Assert.Equal("Error.AuthorizationExpired", KeyOf(() => order.Capture(100, order.AuthorizationExpiresUtc!.Value)));
    }

    [Fact]
    public void A_refund_cannot_exceed_what_was_captured()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(4_000, T0.AddDays(1));
        Assert.Equal("Error.RefundExceedsCaptured", KeyOf(() => order.Refund(4_001, T0.AddDays(2))));
    }

    [Fact]
    public void Partial_refunds_never_add_up_to_more_than_captured_minus_refunded()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(10_000, T0.AddDays(1));
        order.Refund(7_000, T0.AddDays(2));
        Assert.Equal(3_000, order.RemainingRefundable);
        Assert.Equal("Error.RefundExceedsCaptured", KeyOf(() => order.Refund(3_001, T0.AddDays(3))));
        order.Refund(3_000, T0.AddDays(3));
        Assert.Equal(10_000, order.RefundedAmount);
        Assert.Equal(0, order.RemainingRefundable);
    }

    [Fact]
    public void Nothing_can_be_refunded_before_a_capture() =>
        Assert.Equal("Error.RefundExceedsCaptured", KeyOf(() => Orders.Open().Refund(1, T0.AddDays(1))));

    [Fact]
    public void An_open_authorization_can_be_canceled_before_any_capture()
    {
        var order = Orders.Open();
        var cancel = order.Cancel(T0.AddHours(5));
        Assert.Equal(AuthorizationStatus.Canceled, order.AuthorizationStatus);
        Assert.Equal(TransactionType.Cancel, cancel.Type);
        Assert.Equal(TransactionStatus.Completed, cancel.Status);
        Assert.Empty(order.AvailableActions(T0.AddHours(6)));
    }

    [Fact]
    public void An_authorization_cannot_be_canceled_after_a_capture()
    {
        var order = Orders.Open();
        order.Capture(1_000, T0.AddDays(1));
        Assert.Equal("Error.CancelAfterCapture", KeyOf(() => order.Cancel(T0.AddDays(2))));
    }

    [Fact]
    public void A_pending_order_cannot_be_canceled() =>
        Assert.Equal("Error.IllegalTransition", KeyOf(() => Orders.Pending().Cancel(T0.AddMinutes(1))));

    [Fact]
    public void An_uncaptured_authorization_expires_after_30_days()
    {
        var order = Orders.Open();
        var expiry = order.AuthorizationExpiresUtc!.Value;
        Assert.False(order.IsDueForExpiry(expiry.AddSeconds(-1)));
        Assert.Equal("Error.AuthorizationNotYetExpired", KeyOf(() => order.Expire(expiry.AddSeconds(-1))));
        Assert.True(order.IsDueForExpiry(expiry));
        order.Expire(expiry);
        Assert.Equal(AuthorizationStatus.Expired, order.AuthorizationStatus);
        Assert.Equal(TransactionStatus.Expired, order.Transactions.Single().Status);
    }

    [Fact]
    public void A_sandbox_authorization_expires_after_2_days()
    {
        var order = Orders.Open(environment: PaymentEnvironment.Sandbox);
        Assert.False(order.IsDueForExpiry(T0.AddDays(2)));
        Assert.True(order.IsDueForExpiry(T0.AddDays(2).AddMinutes(1)));
        order.Expire(T0.AddDays(2).AddMinutes(1));
        Assert.Equal(AuthorizationStatus.Expired, order.AuthorizationStatus);
    }

    [Fact]
    public void A_partly_captured_authorization_closes_its_remainder_at_expiry()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(6_000, T0.AddDays(1));
        order.Expire(T0.AddDays(31));
        Assert.Equal(AuthorizationStatus.Closed, order.AuthorizationStatus);
        Assert.Equal(0, order.RemainingCapturable);
        Assert.Equal(6_000, order.RemainingRefundable);
    }

    [Fact]
    public void A_declined_order_cannot_expire() =>
        Assert.Equal("Error.IllegalTransition", KeyOf(() =>
        {
            var order = Orders.Pending();
            order.Decide(false, DeclineReason.ProcessingFailure, T0);
            order.Expire(T0.AddDays(40));
        }));

    [Fact]
    public void Every_change_increments_the_version()
    {
        var order = Orders.Pending();
        var versions = new List<long> { order.Version };
        order.Decide(true, null, T0.AddMinutes(1)); versions.Add(order.Version);
        order.Capture(1_000, T0.AddDays(1)); versions.Add(order.Version);
        order.Refund(500, T0.AddDays(2)); versions.Add(order.Version);
        order.Capture(9_000, T0.AddDays(3)); versions.Add(order.Version);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.True(versions.SequenceEqual(versions.Order()));
    }

    [Fact]
    public void The_ui_is_offered_exactly_the_moves_the_rules_allow()
    {
        var order = Orders.Pending();
        Assert.Empty(order.AvailableActions(T0));
        order.Decide(true, null, T0.AddMinutes(1));
        Assert.Equal([PaymentAction.Capture, PaymentAction.Cancel], order.AvailableActions(T0.AddHours(1)));
        order.Capture(4_000, T0.AddDays(1));
        Assert.Equal([PaymentAction.Capture, PaymentAction.Refund], order.AvailableActions(T0.AddDays(1)));
        Assert.Equal([PaymentAction.Refund], order.AvailableActions(T0.AddDays(40)));
        order.Refund(4_000, T0.AddDays(2));
        Assert.Equal([PaymentAction.Capture], order.AvailableActions(T0.AddDays(2)));
    }
}
