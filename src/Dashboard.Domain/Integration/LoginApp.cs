using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>
/// A "Login with" application (seed 004): name, description, privacy policy, an optional uploaded logo, the client id the shop
/// uses (not the application id, not the client secret), a client secret and the allowed origins and return URLs.
/// </summary>
public sealed class LoginApp : IEnvironmentOwned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int MaxUrls = 20;

    private LoginApp() { }

    public LoginApp(Guid merchantId, PaymentEnvironment environment, LoginAppInput input, string protectedSecret, string secretLast4, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        ApplicationId = "amzn1.application." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        ClientId = "amzn1.application-oa2-client." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        CreatedUtc = nowUtc;
        Update(input, nowUtc);
        RollSecret(protectedSecret, secretLast4, nowUtc);
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string ApplicationId { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string PrivacyPolicyUrl { get; private set; } = "";
    /// <summary>SHA-256 of the uploaded logo (the cache buster of its URL), or null without a logo.</summary>
    public string? LogoHash { get; private set; }
    public string? LogoContentType { get; private set; }
    public string? LogoStoredName { get; private set; }
    /// <summary>Newline-separated normalised origins (scheme://host[:port]).</summary>
    public string AllowedOrigins { get; private set; } = "";
    /// <summary>Newline-separated normalised return URLs.</summary>
    public string ReturnUrls { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public string SecretLast4 { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    public void Update(LoginAppInput input, DateTime nowUtc)
    {
        var (normalized, errors) = input.Validate();
        InvalidFieldsException.ThrowIfAny(errors);
        Name = normalized.Name;
        Description = normalized.Description;
        PrivacyPolicyUrl = normalized.PrivacyPolicyUrl;
        AllowedOrigins = string.Join('\n', normalized.AllowedOrigins);
        ReturnUrls = string.Join('\n', normalized.ReturnUrls);
        UpdatedUtc = nowUtc;
    }

    /// <returns>The stored name of the file it replaces, if any, for the caller to delete after saving.</returns>
    public string? ReplaceLogo(UploadedImageInfo? info, string? contentHash, string? storedName, DateTime nowUtc)
    {
        var previous = LogoStoredName;
        LogoHash = contentHash;
        LogoContentType = info?.ContentType;
        LogoStoredName = storedName;
        UpdatedUtc = nowUtc;
        return previous;
    }

    public string? LogoExtension => LogoContentType switch { "image/png" => "png", null => null, _ => "jpg" };

    public void RollSecret(string protectedSecret, string secretLast4, DateTime nowUtc)
    {
        ProtectedSecret = protectedSecret;
        SecretLast4 = secretLast4;
        UpdatedUtc = nowUtc;
    }
}

/// <summary>What the registration form sends; <see cref="Validate"/> returns the normalised values and one error key per field.</summary>
public sealed record LoginAppInput(string Name, string Description, string PrivacyPolicyUrl, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<string> ReturnUrls)
{
    public (LoginAppInput Normalized, IReadOnlyDictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var name = (Name ?? "").Trim();
        var description = (Description ?? "").Trim();
        if (name.Length == 0 || name.Length > LoginApp.NameMaxLength) errors[nameof(Name)] = "Error.LoginAppNameInvalid";
        if (description.Length == 0 || description.Length > LoginApp.DescriptionMaxLength) errors[nameof(Description)] = "Error.LoginAppDescriptionInvalid";
        var privacy = Url(PrivacyPolicyUrl, nameof(PrivacyPolicyUrl), errors);
        var origins = List(AllowedOrigins, nameof(AllowedOrigins), errors, origin: true);
        var returns = List(ReturnUrls, nameof(ReturnUrls), errors, origin: false);
        return (new LoginAppInput(name, description, privacy ?? "", origins, returns), errors);
    }

    // Seed 004: https only, plain http only for localhost. (Self-signed certificates in the Sandbox are the
    // browser's business; the portal never fetches these URLs.)
    private static string? Url(string? value, string field, Dictionary<string, string> errors)
    {
        if (IpnUrlValidator.TryNormalize(value, PaymentEnvironment.Sandbox, out var normalized, out var key)) return normalized;
        errors.TryAdd(field, key!);
        return null;
    }

    private static List<string> List(IReadOnlyList<string>? values, string field, Dictionary<string, string> errors, bool origin)
    {
        var result = new List<string>();
        foreach (var raw in (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Url(raw, field, errors) is not { } url) break;
            var uri = new Uri(url);
            if (origin && uri.PathAndQuery != "/")
            {
                errors.TryAdd(field, "Error.OriginHasPath");
                break;
            }
            var value = origin ? url.TrimEnd('/') : url;
            if (!result.Contains(value)) result.Add(value);
        }
        if (result.Count > LoginApp.MaxUrls) errors.TryAdd(field, "Error.TooManyUrls");
        return result;
    }
}
