using Dashboard.Domain.TestAccounts;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Features.TestAccounts;

/// <summary>How a test instrument, a catalogued test card and an address read on the test-account pages.</summary>
public static class TestAccountLabels
{
    public sealed record CardChoice(string Code, string Text);

    public static string Instrument(IStringLocalizer<UiText> l, TestInstrumentRow i) =>
        $"{i.Brand} ••{i.Last4} {i.ExpiryMonth:00}/{i.ExpiryYear % 100:00}" + i.Kind switch
        {
            TestInstrumentKind.ForceDecline => " · " + l["TestAccounts.KindDecline"],
            TestInstrumentKind.ForcePending => " · " + l["TestAccounts.KindPending"],
            _ => "",
        };

    public static string Address(TestAddressRow a) => $"{a.Line1}, {a.PostalCode} {a.City} ({a.CountryCode})";

    /// <summary>The documented test numbers a buyer may hold; nobody types a PAN.</summary>
    public static List<CardChoice> Cards(IStringLocalizer<UiText> l) =>
        TestCard.Catalog.Select(c => new CardChoice(c.Code, $"{c.Brand} {c.Number} · {l[$"TestAccounts.Kind{c.Kind}"]}")).ToList();
}
