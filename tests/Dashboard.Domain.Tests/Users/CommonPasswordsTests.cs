using Dashboard.Domain.Users;

namespace Dashboard.Domain.Tests.Users;

public sealed class CommonPasswordsTests
{
    [Fact]
    public void The_offline_list_holds_at_least_ten_thousand_passwords() =>
        Assert.InRange(CommonPasswords.Count, 10_000, 100_000);

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("finalfantasy7")]
    [InlineData("Monkey123456!")]
    public void Breached_passwords_are_listed_whatever_their_case_or_trailing_digits(string password) =>
        Assert.True(CommonPasswords.Contains(password));

    [Theory]
    [InlineData("velvet-harbor-quilt-93")]
    [InlineData("k7#Vq2!pZ9xLm4@w")]
    [InlineData("Policy-Start-2026")]
    public void Strong_passwords_are_not_listed(string password) =>
        Assert.False(CommonPasswords.Contains(password));

    [Fact]
    public void A_fresh_random_password_is_not_listed() =>
        Assert.False(CommonPasswords.Contains(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))));
}
