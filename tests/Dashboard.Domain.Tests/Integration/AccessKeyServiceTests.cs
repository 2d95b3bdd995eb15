using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Integration;

public sealed class AccessKeyServiceTests : IDisposable
{
    private readonly IntegrationFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task A_new_key_has_a_256_bit_prefixed_secret_that_is_stored_encrypted_and_listed_only_by_its_last_four()
    {
        var issued = await f.Keys.CreateAsync("Shop");

        Assert.StartsWith("sk_test_", issued.Secret);
        Assert.Equal(43, issued.Secret.Length - "sk_test_".Length); // 32 bytes, base64url
        Assert.StartsWith("AKTEST", issued.Key.PublicId);
        await using var db = f.Database.Create(MerchantScope.System);
        var stored = await db.AccessKeys.SingleAsync();
        Assert.DoesNotContain(issued.Secret, stored.ProtectedSecret);
        Assert.Equal(issued.Secret, f.Protector.Unprotect(SecretProtector.AccessKeyPurpose, stored.ProtectedSecret));
        var row = Assert.Single(await f.Keys.ListAsync());
        Assert.Equal(issued.Secret[^4..], row.SecretLast4);
        Assert.DoesNotContain(await db.AuditEvents.ToListAsync(), e => (e.Details ?? "").Contains(issued.Secret) || (e.TargetId ?? "").Contains(issued.Secret));
    }

    [Fact]
    public void Ten_thousand_secrets_are_unique()
    {
        var secrets = Enumerable.Range(0, 10_000).Select(_ => Secrets.New("sk_test_")).ToHashSet();
        Assert.Equal(10_000, secrets.Count);
        Assert.All(secrets, s => Assert.Matches("^sk_test_[A-Za-z0-9_-]{43}$", s));
    }

    [Fact]
    public void A_tampered_secret_does_not_decrypt_and_another_purpose_cannot_read_it()
    {
        var protectedSecret = f.Protector.Protect(SecretProtector.AccessKeyPurpose, "sk_test_abc");
        var chars = protectedSecret.ToCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => f.Protector.Unprotect(SecretProtector.AccessKeyPurpose, new string(chars)));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => f.Protector.Unprotect(SecretProtector.IpnSigningPurpose, protectedSecret));
    }

    [Fact]
    public async Task Creating_a_key_needs_a_fresh_reauthentication_and_edit_permission()
    {
        f.StepUp.IsFresh = false;
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => f.Keys.CreateAsync("Shop"));
        f.StepUp.IsFresh = true;
        f.Actor.Level = PermissionLevel.View;
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Keys.CreateAsync("Shop"));
    }

    [Fact]
    public async Task At_most_two_keys_are_active_per_environment()
    {
        await f.Keys.CreateAsync("One");
        await f.Keys.CreateAsync("Two");
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => f.Keys.CreateAsync("Three"));
        Assert.Equal("Error.TooManyKeys", refused.MessageKey);
    }

    [Fact]
    public async Task A_rolled_key_keeps_working_until_its_chosen_expiry_and_a_revoked_key_stops_at_once()
    {
        var old = await f.Keys.CreateAsync("Shop");
        var successor = await f.Keys.RollAsync(old.Key.Id, TimeSpan.FromHours(24));

        f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await f.Verifier.VerifyAsync(Signed(old)));
        Assert.NotNull(await f.Verifier.VerifyAsync(Signed(successor)));

        f.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Null(await f.Verifier.VerifyAsync(Signed(old)));
        Assert.NotNull(await f.Verifier.VerifyAsync(Signed(successor)));

        await f.Keys.RevokeAsync(successor.Key.Id);
        Assert.Null(await f.Verifier.VerifyAsync(Signed(successor)));

        await using var db = f.Database.Create(MerchantScope.System);
        var actions = await db.AuditEvents.Select(e => e.Action).ToListAsync();
        Assert.Contains(IntegrationAuditActions.KeyCreated, actions);
        Assert.Contains(IntegrationAuditActions.KeyRolled, actions);
        Assert.Contains(IntegrationAuditActions.KeyRevoked, actions);
        Assert.Contains(IntegrationAuditActions.KeyVerificationFailed, actions);
    }

    [Fact]
    public async Task The_old_key_may_stay_valid_for_at_most_seven_days()
    {
        var old = await f.Keys.CreateAsync("Shop");
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => f.Keys.RollAsync(old.Key.Id, TimeSpan.FromDays(8)));
        Assert.Equal("Error.KeyOverlapInvalid", refused.MessageKey);
    }

    [Fact]
    public async Task A_verified_request_updates_last_used_and_carries_the_keys_merchant_and_environment()
    {
        var issued = await f.Keys.CreateAsync("Shop");
        var caller = await f.Verifier.VerifyAsync(Signed(issued));
        Assert.Equal(new ApiCaller(f.Merchant.Id, PaymentEnvironment.Sandbox, issued.Key.PublicId), caller);
        Assert.Equal(f.Clock.UtcNow, (await f.Keys.ListAsync()).Single().LastUsedUtc);
    }

    [Fact]
    public async Task A_delegated_token_is_stored_as_a_hash_and_can_be_revoked()
    {
        var issued = await f.Keys.IssueTokenAsync("futureshop");
        Assert.StartsWith("amzn.mws.test.", issued.Value);
        await using var db = f.Database.Create(MerchantScope.System);
        Assert.Equal(Secrets.Hash(issued.Value), (await db.DelegatedTokens.SingleAsync()).TokenHash);
        await f.Keys.RevokeTokenAsync(issued.Token.Id);
        Assert.NotNull((await f.Keys.ListTokensAsync()).Single().RevokedUtc);
    }

    private SignedRequest Signed(IssuedSecret key)
    {
        var ts = RequestSigning.Timestamp(f.Clock.UtcNow);
        var query = new List<KeyValuePair<string, string>> { new("page", "1") };
        var canonical = RequestSigning.CanonicalString("GET", "/api/v1/transactions", query, ts, []);
        var auth = RequestSigning.AuthorizationHeader(key.Key.PublicId, RequestSigning.Sign(key.Secret, canonical));
        return new SignedRequest("GET", "/api/v1/transactions", query, ts, auth, [], "192.0.2.1");
    }
}
