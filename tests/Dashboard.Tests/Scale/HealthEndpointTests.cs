using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Scale;

/// <summary>/health: anonymous, no details, 200 while the database answers and 503 while it does not.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_anonymous_says_only_healthy_and_turns_503_while_the_database_is_gone()
    {
        using var portal = new ProductionFactory();
        using var client = portal.CreateHttpsClient();

        var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", healthy.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", healthy.Headers.CacheControl?.ToString() ?? "");

        // The database file disappears (a lost volume): the instance reports itself out, without saying why.
        var file = Path.Combine(portal.DataDirectory, "dashboard.db");
        SqliteConnection.ClearAllPools();
        File.Move(file, file + ".away");
        try
        {
            var down = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Move(file + ".away", file, overwrite: true);
        }

        // Back without a restart.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
