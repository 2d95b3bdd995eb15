using System.Diagnostics;
using System.Text.Json;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class CurlSampleBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_curl_sample_on_integration_central_works_as_printed_with_a_new_key()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/integration/keys");
        await s.Page.Locator("[data-testid=key-name]").FillAsync("curl sample");
        await s.Page.Locator("[data-testid=key-create]").ClickAsync();
        var secretField = s.Page.Locator("[data-testid=secret-value]");
        await s.ConfirmPasswordIfAskedAsync(secretField, DemoDataSeeder.Admin.Password);
        var secret = await secretField.InputValueAsync();
        var keyId = await s.Page.Locator("[data-testid=secret-public-id]").InputValueAsync();
        await s.Page.Locator("[data-testid=secret-close]").ClickAsync();

        await s.Page.GotoAsync("/integration");
        await s.WaitForInteractiveAsync();
        var sample = await s.Page.Locator("[data-testid=sample-curl]").InnerTextAsync();
        Assert.Contains("<access key id>", sample);
        Assert.Contains("<secret key>", sample);
        var script = sample.Replace("<access key id>", keyId).Replace("<secret key>", secret);

        // Exactly what a developer pastes into a shell: bash, date, sha256sum, openssl and /usr/bin/curl against the portal.
        var info = new ProcessStartInfo("/bin/bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        // The sample uses curl --fail-with-body: any HTTP error is a non-zero exit.
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}\n{script}");
        using var json = JsonDocument.Parse(await stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind); // the settlements of the key's view
        s.AssertNoErrors();
    }
}
