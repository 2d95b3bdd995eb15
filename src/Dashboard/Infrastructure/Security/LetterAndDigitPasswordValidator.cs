using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-01: at least one letter and one digit (PCI 8.3.6), any script counting as a letter, and at most
/// <see cref="MaxLength"/> characters to bound hashing cost. Length ≥ 12 comes from PasswordOptions.
/// </summary>
public sealed class LetterAndDigitPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." });
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            errors.Add(new IdentityError { Code = "PasswordLetterAndDigit", Description = "Passwords must contain at least one letter and one digit." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
