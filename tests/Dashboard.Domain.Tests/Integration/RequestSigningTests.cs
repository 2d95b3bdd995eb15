using System.Text;
using Dashboard.Domain.Integration;

namespace Dashboard.Domain.Tests.Integration;

public sealed class RequestSigningTests
{
    // A fixed vector: if the canonical string or the HMAC changes, published clients break.
    private const string Secret = "sk_test_ZmFrZS1zZWNyZXQtZm9yLXRlc3RzLW9ubHktMzItYnl0ZXM";

    [Fact]
    public void The_canonical_string_sorts_and_encodes_the_query_and_hashes_the_body()
    {
        var canonical = RequestSigning.CanonicalString("get", "/api/v1/transactions",
            [new("status", "Completed"), new("from", "2026-05-01"), new("q", "a b&c")], "20260504T100000Z", []);
        Assert.Equal("GET\n/api/v1/transactions\nfrom=2026-05-01&q=a%20b%26c&status=Completed\n20260504T100000Z\n" +
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
    }

    [Fact]
    public void The_signature_matches_a_known_answer()
    {
        var canonical = "GET\n/api/v1/settlements\n\n20260504T100000Z\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        // Computed independently (Python hmac): hmac.new(secret, canonical, sha256).hexdigest()
        Assert.Equal("8aa71202c7f6f925ffdefcdd26f165dd5bda33d76202be412c0cdb6cbd6b1f1d", RequestSigning.Sign(Secret, canonical));
    }

    [Fact]
    public void A_flipped_body_byte_changes_the_signature()
    {
        var a = RequestSigning.CanonicalString("POST", "/x", [], "20260504T100000Z", "{\"a\":1}"u8);
        var b = RequestSigning.CanonicalString("POST", "/x", [], "20260504T100000Z", "{\"a\":2}"u8);
        Assert.False(RequestSigning.SignaturesMatch(RequestSigning.Sign(Secret, a), RequestSigning.Sign(Secret, b)));
    }

    [Fact]
    public void The_authorization_header_round_trips()
    {
        var sig = new string('a', 64);
        Assert.True(RequestSigning.TryParseAuthorization(RequestSigning.AuthorizationHeader("AKTEST123", sig), out var id, out var parsed));
        Assert.Equal(("AKTEST123", sig), (id, parsed));
        Assert.False(RequestSigning.TryParseAuthorization("Bearer abc", out _, out _));
    }

    [Fact]
    public void Signatures_are_compared_in_constant_time()
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Dashboard.Domain", "Integration", "RequestSigning.cs"));
        Assert.Contains("CryptographicOperations.FixedTimeEquals", source);
        Assert.DoesNotContain("SequenceEqual", source);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
