using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Integration;

public sealed class LoginAppTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly LoginAppService apps;

    public LoginAppTests() => apps = new LoginAppService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit, f.Clock);

    public void Dispose() => f.Dispose();

    private static LoginAppInput Good(IReadOnlyList<string>? origins = null, IReadOnlyList<string>? returns = null) =>
        new("Boutique", "Our shop", "https://shop.example/privacy", null, origins ?? ["https://shop.example"], returns ?? ["https://shop.example/signin/callback"]);

    [Fact]
    public void Every_required_field_reports_its_own_error()
    {
        var errors = new LoginAppInput("", "", "", null, [], []).Validate().Errors;
        Assert.Equal("Error.LoginAppNameInvalid", errors[nameof(LoginAppInput.Name)]);
        Assert.Equal("Error.LoginAppDescriptionInvalid", errors[nameof(LoginAppInput.Description)]);
        Assert.Equal("Error.UrlRequired", errors[nameof(LoginAppInput.PrivacyPolicyUrl)]);
        Assert.False(errors.ContainsKey(nameof(LoginAppInput.LogoUrl)));
    }

    [Theory]
    [InlineData("http://shop.example", "Error.UrlHttpsOnly")]
    [InlineData("https://shop.example/path", "Error.OriginHasPath")]
    [InlineData("https://user@shop.example", "Error.UrlUserInfo")]
    [InlineData("https://10.0.0.1", "Error.UrlIpLiteral")]
    public void Bad_origins_are_refused(string origin, string key) =>
        Assert.Equal(key, Good(origins: [origin]).Validate().Errors[nameof(LoginAppInput.AllowedOrigins)]);

    [Fact]
    public void Origins_and_return_urls_are_normalised_and_http_is_allowed_for_localhost()
    {
        var (normalized, errors) = Good(origins: ["HTTPS://Shop.Example/", "http://localhost:3000"], returns: ["https://bücher.example/cb"]).Validate();
        Assert.Empty(errors);
        Assert.Equal(["https://shop.example", "http://localhost:3000"], normalized.AllowedOrigins);
        Assert.Equal(["https://xn--bcher-kva.example/cb"], normalized.ReturnUrls);
    }

    [Fact]
    public async Task A_registered_app_has_a_client_id_and_a_secret_shown_once_and_stored_encrypted()
    {
        var registered = await apps.RegisterAsync(Good());
        Assert.Matches("^amzn1\\.application-oa2-client\\.[0-9a-f]{32}$", registered.App.ClientId);
        Assert.NotEqual(registered.App.ClientId, registered.App.ApplicationId);
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.DoesNotContain(registered.ClientSecret, (await db.LoginApps.SingleAsync()).ProtectedSecret);
        var rolled = await apps.RollSecretAsync(registered.App.Id);
        Assert.NotEqual(registered.ClientSecret, rolled);
        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => apps.RegisterAsync(Good()));
    }
}
