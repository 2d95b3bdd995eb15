using Dashboard.Infrastructure.Security;
using Dashboard.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Account;

/// <summary>Identity's error descriptions are English only; the pages show AccountText's "IdentityError.{Code}"
/// instead, and a generic text for a code without a translation.</summary>
internal static class IdentityErrorText
{
    public static IReadOnlyList<string> Localize(IStringLocalizer<AccountText> text, IdentityResult result, IdentityOptions options) =>
        result.Errors.Select(e => Localize(text, e.Code, options)).Distinct().ToList();

    public static string Localize(IStringLocalizer<AccountText> text, string code, IdentityOptions options)
    {
        var argument = code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => options.Password.RequiredLength,
            "PasswordTooLong" => LetterAndDigitPasswordValidator<object>.MaxLength,
            _ => 0,
        };
        var localized = text["IdentityError." + code, argument];
        return localized.ResourceNotFound ? text["IdentityError.Generic"] : localized.Value;
    }
}
