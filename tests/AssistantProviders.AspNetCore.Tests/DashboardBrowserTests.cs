// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator;
using AssistantProviders.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>
/// The dashboard in a real browser: Debian's headless Chromium loads it from a gateway on loopback after some traffic (some of
/// it failing), signed in the way a browser user is (HTTP Basic, the gateway key as the password), and the test reads the
/// rendered DOM. The screenshot is saved as a test artifact (<c>artifacts/screenshots/gateway-dashboard.png</c>). Without
/// Chromium it skips locally and fails on CI (<c>CI=true</c>), where <c>.ci/run</c> installs it.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chat = """{"model":"emulator/emu-cheap","messages":[{"role":"user","content":"Hi"}]}""";
    private const string Stream = """{"model":"emulator/emu-cheap","stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task Chromium_renders_the_usage_table_charts_routes_and_budget_after_traffic()
    {
        var chromium = HeadlessChromium.FindExecutable();
        if (chromium is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "CI=true but Chromium is missing: .ci/run installs Debian's chromium package (or set CHROMIUM_PATH).");
            Assert.Skip("Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).");
        }

        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Budgets:Global:Daily"] = "5" });
        using var client = host.Client();
        for (var i = 0; i < 4; i++)
        {
            (await PostAsync(client, "v1/chat/completions", Chat)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (streamed, _) = await PostAsync(client, "v1/chat/completions", Stream);
        streamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Emulator.Faults.Add(new EmulatorFault { Vendor = "emulator", Kind = FaultKind.Status500 });
        (await PostAsync(client, "v1/chat/completions", Chat)).Response.IsSuccessStatusCode.ShouldBeFalse();
        host.Emulator.Faults.Clear();
        var expected = host.Services.GetRequiredService<IUsageLedger>().Snapshot().Rows.ShouldHaveSingleItem();
        expected.Errors.ShouldBeGreaterThan(0);

        await using var browser = await HeadlessChromium.StartAsync(chromium, Ct);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + GatewayHost.KeyA));
        await browser.NavigateAsync(new Uri(host.BaseAddress, "assistant-providers/"), new Dictionary<string, string> { ["Authorization"] = basic }, Ct);

        var dom = (await browser.EvaluateAsync("""
            (() => {
              const row = document.querySelector('#usage tbody tr');
              const cell = c => row && row.querySelector('td.' + c) ? row.querySelector('td.' + c).textContent : null;
              const chart = document.querySelector('#chart-requests');
              const route = document.querySelector('#routes tbody tr');
              const budget = document.querySelector('#budgets tbody tr');
              return {
                title: document.title,
                scripts: document.scripts.length,
                rows: document.querySelectorAll('#usage tbody tr').length,
                provider: row && row.dataset.provider, model: row && row.dataset.model,
                requests: cell('requests'), errors: cell('errors'), p50: cell('p50'), ttft: cell('ttft'), cost: cell('cost'),
                chartTotal: chart && chart.dataset.total,
                bars: chart ? chart.querySelectorAll('rect.bar').length : 0,
                errorBars: chart ? chart.querySelectorAll('rect.bar.error').length : 0,
                chartWidth: chart ? chart.getBoundingClientRect().width : 0,
                routeProvider: route && route.dataset.provider, routeState: route && route.dataset.state,
                budgetLimit: budget && budget.querySelector('td.limit').textContent,
                refresh: document.querySelector('meta[http-equiv=refresh]').content,
                body: document.body.innerText
              };
            })()
            """, Ct))!.AsObject();

        var screenshot = await browser.ScreenshotAsync(Ct);
        var saved = SaveArtifact("gateway-dashboard.png", screenshot);
        TestContext.Current.AddAttachment("gateway-dashboard.png", screenshot, "image/png");
        TestContext.Current.SendDiagnosticMessage("Dashboard screenshot: " + saved);

        ((string?)dom["title"]).ShouldBe("AssistantProviders gateway");
        ((int?)dom["scripts"]).ShouldBe(0);
        ((int?)dom["rows"]).ShouldBe(1);
        ((string?)dom["provider"]).ShouldBe("emulator");
        ((string?)dom["model"]).ShouldBe(expected.ModelId);
        ((string?)dom["requests"]).ShouldBe(expected.Requests.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        ((string?)dom["errors"]).ShouldBe(expected.Errors.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        ((string?)dom["p50"]).ShouldNotBe("-");
        ((string?)dom["ttft"]).ShouldNotBe("-"); // One request was streamed.
        ((string?)dom["cost"]).ShouldStartWith("$");
        ((string?)dom["chartTotal"]).ShouldBe(expected.Requests.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        ((int?)dom["bars"]).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2); // At least one request bar and one error bar.
        ((int?)dom["errorBars"]).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        ((double?)dom["chartWidth"]).ShouldNotBeNull().ShouldBeGreaterThan(100);
        ((string?)dom["routeProvider"]).ShouldBe("emulator");
        ((string?)dom["routeState"]).ShouldNotBeNullOrEmpty();
        ((string?)dom["budgetLimit"]).ShouldBe("$5.00");
        ((string?)dom["refresh"]).ShouldBe("10");
        ((string?)dom["body"]).ShouldNotBeNull().ShouldNotContain(GatewayHost.KeyA);
        screenshot.Length.ShouldBeGreaterThan(10_000); // A rendered page, not a blank one.
        screenshot.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }

    /// <summary>Writes to <c>artifacts/screenshots/</c> at the repository root (beside the solution), else the test's folder.</summary>
    private static string SaveArtifact(string name, byte[] bytes)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantProviders.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
