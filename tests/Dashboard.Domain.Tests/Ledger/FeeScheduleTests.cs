using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Tests.Ledger;

public class FeeScheduleTests
{
    [Theory]
    [InlineData(10_000, 290)]   // 100.00 EUR → 2.90
    [InlineData(1_234, 36)]     // 35.786 → 36
    [InlineData(50, 1)]         // 1.45 → 1
    [InlineData(1_500, 44)]     // 43.5 → 44: half away from zero
    [InlineData(0, 0)]
    [InlineData(-1_500, -44)]   // negative halves round away from zero too
    public void The_percentage_fee_rounds_half_away_from_zero_in_integers(long amount, long expected) =>
        Assert.Equal(expected, FeeSchedule.For("FR", "EUR").PercentageOf(amount));

    [Fact]
    public void Euro_countries_pay_2_9_percent_plus_35_cents()
    {
        foreach (var country in new[] { "DE", "FR", "IT", "ES", "LU", "NL", "PT" })
            Assert.Equal(new FeeRate(290, 35, "EUR"), FeeSchedule.For(country, "EUR"));
    }

    [Fact]
    public void Britain_pays_3_4_percent_plus_20_pence() =>
        Assert.Equal(new FeeRate(340, 20, "GBP"), FeeSchedule.For("GB", "GBP"));

    [Fact]
    public void Japan_pays_3_9_percent_and_no_fixed_fee_in_whole_yen()
    {
        var rate = FeeSchedule.For("JP", "JPY");
        Assert.Equal(0, rate.FixedFee);
        Assert.Equal(390, rate.PercentageOf(10_000));  // ¥10,000 → ¥390
        Assert.Equal(20, rate.PercentageOf(500));      // ¥19.5 → ¥20
        Assert.Equal(19, rate.PercentageOf(499));      // ¥19.461 → ¥19
    }

    [Fact]
    public void A_country_billed_in_another_currency_has_no_schedule()
    {
        var ex = Assert.Throws<DomainRuleException>(() => FeeSchedule.For("JP", "EUR"));
        Assert.Equal("Error.NoFeeSchedule", ex.MessageKey);
    }

    [Fact]
    public void A_capture_is_charged_the_percentage_and_the_fixed_fee()
    {
        var order = Orders.Open(amount: 10_000);
        var capture = order.Capture(10_000, Orders.T0.AddHours(1));
        Assert.Equal(290, capture.PercentageFee);
        Assert.Equal(35, capture.FixedFee);
    }

    [Fact]
    public void A_refund_credits_back_the_percentage_fee_of_the_refunded_amount_but_not_the_fixed_fee()
    {
        var order = Orders.Open(amount: 10_000);
        order.Capture(10_000, Orders.T0.AddHours(1));
        var refund = order.Refund(5_000, Orders.T0.AddDays(3));
        Assert.Equal(145, refund.PercentageFee);
        Assert.Equal(0, refund.FixedFee);
    }

    [Fact]
    public void Rounding_never_credits_back_more_percentage_fee_than_was_charged()
    {
        var order = Orders.Open(amount: 150);
        order.Capture(50, Orders.T0.AddHours(1));   // 1.45 → 1
        order.Capture(50, Orders.T0.AddHours(2));   // 1
        order.Capture(50, Orders.T0.AddHours(3));   // 1
        var refund = order.Refund(150, Orders.T0.AddDays(1));  // 4.35 → 4, but only 3 were charged
        Assert.Equal(3, refund.PercentageFee);
    }
}
