using System.Diagnostics;
using System.Net;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Data;

/// <summary>REL-02: a locked, missing or unreadable database is explained in the user's language (503, no stack
/// trace) and the portal recovers by itself, without a restart, once the database is back.</summary>
public sealed class DatabaseUnavailableTests : IDisposable
{
    private readonly ShortBusyTimeoutPortal portal = new();

    private string DatabaseFile => Path.Combine(portal.DataDirectory, "dashboard.db");

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task While_another_process_holds_the_write_lock_pages_still_read_and_a_write_is_explained_in_the_browser_language()
    {
        using var reader = portal.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(reader, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password)).StatusCode);
        using var writer = portal.CreateHttpsClient();
        writer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var form = await writer.GetStringAsync("/Account/Login");

        using (WriteLock())
        {
            // WAL: readers are not blocked by a writer.
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/reports/transactions")).StatusCode);

            // Signing in writes (audit): it waits for the busy timeout (1 s here, 5 s by default), then explains.
            var watch = Stopwatch.StartNew();
            var response = await writer.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.AntiforgeryToken(form),
                ["_handler"] = "login",
                ["Input.Email"] = DemoDataSeeder.Admin.Email,
                ["Input.Password"] = DemoDataSeeder.Admin.Password,
            }));
            await AssertUnavailableAsync(response, "Seller Central est temporairement indisponible");
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(writer, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password)).StatusCode);
    }

    [Fact]
    public async Task A_missing_database_file_is_an_outage_not_a_new_empty_database_and_the_portal_recovers_when_it_is_restored()
    {
        using var client = portal.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(client, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password)).StatusCode);

        // Idle pooled connections keep the old file open (SQLite works on an open file even after it is moved);
        // clearing the pool stands for them being recycled, so the next request opens the path anew.
        SqliteConnection.ClearAllPools();
        var aside = Path.Combine(portal.DataDirectory, "aside");
        Directory.CreateDirectory(aside);
        var files = Directory.GetFiles(portal.DataDirectory, "dashboard.db*");
        foreach (var file in files) File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        try
        {
            await AssertUnavailableAsync(await client.GetAsync("/reports/transactions"), "Seller Central is temporarily unavailable");
            Assert.False(File.Exists(DatabaseFile), "the portal created a new, empty database");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in files) File.Move(Path.Combine(aside, Path.GetFileName(file)), file);
        }

        var recovered = await client.GetAsync("/reports/transactions");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public void Busy_locked_and_unopenable_databases_count_as_unavailable_other_errors_do_not()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new InvalidOperationException("wrapped", new SqliteException("database is locked", 5))));
        Assert.True(DatabaseAvailability.IsUnavailable(new SqliteException("unable to open database file", 14)));
        Assert.True(DatabaseAvailability.IsUnavailable(new SqliteException("file is not a database", 26)));
        Assert.False(DatabaseAvailability.IsUnavailable(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(DatabaseAvailability.IsUnavailable(new InvalidOperationException("a bug")));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseAvailability.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Contains("data-testid=\"database-unavailable\"", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("   at ", html);
    }

    /// <summary>Another process holding the database's write lock (a long transaction, a backup tool, sqlite3 at a
    /// prompt). In WAL mode no lock keeps readers out while the portal has connections open.</summary>
    private SqliteConnection WriteLock()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; CREATE TABLE fault_lock(x);";
        command.ExecuteNonQuery();
        return connection; // disposing rolls back and releases the lock
    }

    /// <summary>The portal with a 1 s busy timeout, so a locked database is reported quickly.</summary>
    private sealed class ShortBusyTimeoutPortal : DashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Dashboard",
                $"Data Source={Path.Combine(DataDirectory, "dashboard.db")};Mode=ReadWrite;Default Timeout=1");
        }
    }
}
