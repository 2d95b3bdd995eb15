using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Integration;

public sealed class LoginAppTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly LoginAppService apps;

    private readonly string logoDirectory = Path.Combine(Path.GetTempPath(), "logos-" + Guid.NewGuid().ToString("N"));

    public LoginAppTests() => apps = new LoginAppService(f.Database.Factory(f.Scope), f.Actor, f.StepUp, f.Protector, f.Audit,
        new LoginAppLogoFiles(logoDirectory), f.Clock);

    public void Dispose()
    {
        f.Dispose();
        if (Directory.Exists(logoDirectory)) Directory.Delete(logoDirectory, recursive: true);
    }

    private static LoginAppInput Good(IReadOnlyList<string>? origins = null, IReadOnlyList<string>? returns = null) =>
        new("Boutique", "Our shop", "https://shop.example/privacy", origins ?? ["https://shop.example"], returns ?? ["https://shop.example/signin/callback"]);

    [Fact]
    public void Every_required_field_reports_its_own_error()
    {
        var errors = new LoginAppInput("", "", "", [], []).Validate().Errors;
        Assert.Equal("Error.LoginAppNameInvalid", errors[nameof(LoginAppInput.Name)]);
        Assert.Equal("Error.LoginAppDescriptionInvalid", errors[nameof(LoginAppInput.Description)]);
        Assert.Equal("Error.UrlRequired", errors[nameof(LoginAppInput.PrivacyPolicyUrl)]);
        Assert.Equal(3, errors.Count);
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

    [Fact]
    public async Task Editing_validates_and_normalises_like_registering_and_names_the_failing_field()
    {
        var app = (await apps.RegisterAsync(Good())).App;
        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() => apps.UpdateAsync(app.Id, Good(returns: ["http://shop.example/cb"])));
        Assert.Equal(new Dictionary<string, string> { [nameof(LoginAppInput.ReturnUrls)] = "Error.UrlHttpsOnly" }, refused.Errors);

        await apps.UpdateAsync(app.Id, Good(origins: ["HTTPS://Shop.Example/", "http://localhost:3000"], returns: ["https://shop.example/cb2"]) with { Name = " Boutique 2 " });
        var edited = Assert.Single(await apps.ListAsync());
        Assert.Equal(("Boutique 2", app.ClientId), (edited.Name, edited.ClientId));
        Assert.Equal(["https://shop.example", "http://localhost:3000"], edited.AllowedOrigins);
        Assert.Equal(["https://shop.example/cb2"], edited.ReturnUrls);
    }

    [Fact]
    public async Task Deleting_an_app_needs_a_fresh_password_and_is_audited()
    {
        var app = (await apps.RegisterAsync(Good())).App;
        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => apps.DeleteAsync(app.Id));
        f.StepUp.IsFresh = true;
        f.Actor.Level = PermissionLevel.View;
        await Assert.ThrowsAsync<ForbiddenException>(() => apps.DeleteAsync(app.Id));
        f.Actor.Level = PermissionLevel.Edit;

        await apps.DeleteAsync(app.Id);
        Assert.Empty(await apps.ListAsync());
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == LoginAppAuditActions.Deleted && a.TargetId == app.ClientId));
        await Assert.ThrowsAsync<NotFoundException>(() => apps.DeleteAsync(app.Id));
    }

    [Fact]
    public async Task A_logo_is_checked_on_its_bytes_and_served_only_under_its_current_hash()
    {
        var app = (await apps.RegisterAsync(Good())).App;
        var pdf = "%PDF-1.7"u8.ToArray();
        Assert.Equal(ImageRules.NotImageKey, (await Assert.ThrowsAsync<DomainRuleException>(() => apps.UploadLogoAsync(app.Id, new MemoryStream(pdf)))).MessageKey);
        var banner = BannerImageTests.Png(1200, 300);
        Assert.Equal("Error.LogoDimensions", (await Assert.ThrowsAsync<DomainRuleException>(() => apps.UploadLogoAsync(app.Id, new MemoryStream(banner)))).MessageKey);
        var huge = BannerImageTests.Png(200, 200, padTo: LogoImage.MaxBytes + 1);
        Assert.Equal("Error.LogoTooLarge", (await Assert.ThrowsAsync<DomainRuleException>(() => apps.UploadLogoAsync(app.Id, new MemoryStream(huge)))).MessageKey);

        var first = await apps.UploadLogoAsync(app.Id, new MemoryStream(BannerImageTests.Png(200, 200)));
        var second = await apps.UploadLogoAsync(app.Id, new MemoryStream(BannerImageTests.Jpeg(120, 120)));
        Assert.Matches($"^/integration/login-apps/{app.Id}/logo/[0-9a-f]{{64}}\\.jpg$", second.LogoPath);
        Assert.NotEqual(first.LogoPath, second.LogoPath);
        Assert.Single(Directory.GetFiles(logoDirectory));

        var hash = second.LogoPath![^68..^4];
        var reader = new LoginAppLogoReader(f.Database.Factory(f.Scope), f.Actor, new LoginAppLogoFiles(logoDirectory));
        var served = await reader.OpenLogoAsync(app.Id, hash, "jpg");
        Assert.Equal("image/jpeg", served!.Value.ContentType);
        await served.Value.Content.DisposeAsync();
        Assert.Null(await reader.OpenLogoAsync(app.Id, first.LogoPath![^68..^4], "png"));
        Assert.Null(await reader.OpenLogoAsync(app.Id, hash, "png"));

        var production = new LoginAppLogoReader(f.Database.Factory(new MerchantScope(f.Merchant.Id, PaymentEnvironment.Production)), f.Actor,
            new LoginAppLogoFiles(logoDirectory));
        Assert.Null(await production.OpenLogoAsync(app.Id, hash, "jpg"));

        Assert.Null((await apps.RemoveLogoAsync(app.Id)).LogoPath);
        Assert.Empty(Directory.GetFiles(logoDirectory));
    }
}
