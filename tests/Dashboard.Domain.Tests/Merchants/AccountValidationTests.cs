using Dashboard.Domain.Merchants;

namespace Dashboard.Domain.Tests.Merchants;

public sealed class AccountValidationTests
{
    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("de89370400440532013000", true)]
    [InlineData("GB29 NWBK 6016 1331 9268 19", true)]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", true)]
    [InlineData("NL91 ABNA 0417 1643 00", true)]
    [InlineData("IT60 X054 2811 1010 0000 0123 456", true)]
    [InlineData("ES91 2100 0418 4502 0005 1332", true)]
    [InlineData("LU28 0019 4006 4475 0000", true)]
    [InlineData("SE45 5000 0000 0583 9825 7466", true)]
    [InlineData("PT50 0002 0123 1234 5678 9015 4", true)]
    [InlineData("HU42 1177 3016 1111 1018 0000 0000", true)]
    [InlineData("DK50 0040 0440 1162 43", true)]
    [InlineData("DE88 3704 0044 0532 0130 00", false)] // wrong check digits
    [InlineData("DE89 3704 0044 0532 0130 01", false)] // one digit changed
    [InlineData("GB29 NWBK 6016 1331 9268 1", false)]  // too short for GB
    [InlineData("XX89 3704 0044 0532 0130 00", false)] // unknown country
    [InlineData("DE89-3704-0044-0532-0130-0!", false)]
    [InlineData("", false)]
    public void Iban_checks_country_length_and_mod_97(string iban, bool valid) => Assert.Equal(valid, BankAccountRules.IsValidIban(iban));

    [Fact]
    public void A_masked_iban_shows_only_country_check_digits_and_last_four() =>
        Assert.Equal("DE89••••••••••••••3000", BankAccountRules.MaskIban("DE89 3704 0044 0532 0130 00"));

    [Theory]
    [InlineData("COBADEFFXXX", true)]
    [InlineData("BNPAFRPP", true)]
    [InlineData("cobadeff", true)]
    [InlineData("COBADEF", false)]
    [InlineData("COBA1EFFXXX", false)]
    public void Bic_has_8_or_11_characters_of_the_right_kinds(string bic, bool valid) => Assert.Equal(valid, BankAccountRules.IsValidBic(bic));

    [Theory]
    [InlineData("GB", "SW1A 1AA", true)]
    [InlineData("GB", "EC1A1BB", true)]
    [InlineData("GB", "12345", false)]
    [InlineData("DE", "10115", true)]
    [InlineData("DE", "00115", false)]
    [InlineData("FR", "75001", true)]
    [InlineData("FR", "7500", false)]
    [InlineData("IT", "00184", true)]
    [InlineData("ES", "28013", true)]
    [InlineData("ES", "53001", false)]
    [InlineData("LU", "L-1111", true)]
    [InlineData("LU", "1111", true)]
    [InlineData("NL", "1012 AB", true)]
    [InlineData("NL", "1012 SS", false)]
    [InlineData("NL", "0123 AB", false)]
    [InlineData("SE", "114 55", true)]
    [InlineData("SE", "11455", true)]
    [InlineData("PT", "1100-148", true)]
    [InlineData("PT", "1100148", false)]
    [InlineData("HU", "1051", true)]
    [InlineData("HU", "0051", false)]
    [InlineData("DK", "2100", true)]
    [InlineData("JP", "100-0005", true)]
    [InlineData("JP", "1000005", true)]
    [InlineData("JP", "100-05", false)]
    [InlineData("US", "10001", false)]
    public void Postcodes_follow_the_countrys_format(string country, string postcode, bool valid) =>
        Assert.Equal(valid, PostcodeRules.IsValid(country, postcode));

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("Shop 4111-1111-1111-1111 Paris", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4111 1111 1111 1112", false)] // not Luhn-valid
    [InlineData("12 rue de la Paix", false)]
    [InlineData("+33 1 23 45 67 89", false)]
    [InlineData("123456789012", false)] // 12 digits
    public void Card_numbers_are_detected_in_free_text(string text, bool pan) => Assert.Equal(pan, CardNumberDetector.ContainsPan(text));
}
