using Dashboard.Domain.Common;

namespace Dashboard.Domain.Tests.Common;

public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("ops@shop.example")]
    [InlineData("first.last+claims@mail.shop.co.jp")]
    [InlineData("kundenservice@händler.de")]
    public void Accepts_a_plain_address(string value) => Assert.True(EmailAddressRule.IsValid(value));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ops")]
    [InlineData("ops@localhost")]
    [InlineData("ops@shop..example")]
    [InlineData("Ops <ops@shop.example>")]
    [InlineData("a@shop.example, b@shop.example")]
    [InlineData("ops@shop.example\r\nBcc: x@evil.example")]
    [InlineData("o ps@shop.example")]
    public void Refuses_anything_else(string value) => Assert.False(EmailAddressRule.IsValid(value));
}
