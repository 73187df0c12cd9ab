// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AssistantProviders.Emulator;
using AssistantProviders.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>The dashboard over HTTP: its keys, its headers and what the page says after traffic.</summary>
public sealed class DashboardTests
{
    private const string Chat = """{"model":"emulator/emu-cheap","messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task Without_a_key_it_is_a_401_with_a_Basic_challenge_so_a_browser_asks_for_the_key()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client(key: null);

        var response = await client.GetAsync(new Uri("assistant-providers/", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Scheme.ShouldBe("Basic");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Missing gateway key");
        Header(response, "Cache-Control").ShouldBe("no-store");
    }

    [Theory]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic d3Jvbmc=")] // "wrong": no colon
    [InlineData("Basic !!!not-base64")]
    [InlineData("Digest whatever")]
    public async Task A_wrong_or_malformed_credential_is_a_401(string authorization)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client(key: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization).ShouldBeTrue();

        var response = await client.GetAsync(new Uri("assistant-providers/", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain(GatewayHost.KeyA);
    }

    [Fact]
    public async Task Basic_with_the_key_as_password_and_any_user_name_opens_it_and_so_does_Bearer()
    {
        await using var host = await GatewayHost.StartAsync();
        using var basic = host.Client(key: null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + GatewayHost.KeyB)));
        using var bearer = host.Client(GatewayHost.KeyA);

        var viaBasic = await basic.GetAsync(new Uri("assistant-providers/", UriKind.Relative), Ct);
        var viaBearer = await bearer.GetAsync(new Uri("assistant-providers", UriKind.Relative), Ct); // No trailing slash too.

        viaBasic.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaBearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaBasic.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        Header(viaBasic, "Content-Security-Policy").ShouldNotBeNull().ShouldContain("default-src 'none'");
        Header(viaBasic, "Content-Security-Policy").ShouldNotBeNull().ShouldNotContain("script-src");
        Header(viaBasic, "X-Frame-Options").ShouldBe("DENY");
        Header(viaBasic, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(viaBasic, "Cache-Control").ShouldBe("no-store");
        var page = await viaBasic.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("No requests yet.");
        page.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public async Task DashboardTenants_keeps_other_tenants_keys_out_with_a_403()
    {
        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Gateway:DashboardTenants:0"] = "team-a" });
        using var teamA = host.Client(GatewayHost.KeyA);
        using var teamB = host.Client(GatewayHost.KeyB);

        (await teamA.GetAsync(new Uri("assistant-providers/", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teamB.GetAsync(new Uri("assistant-providers/", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_DashboardTenants_entry_without_a_key_fails_the_app_at_start_naming_it()
    {
        var ex = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            GatewayHost.StartAsync(config: new() { ["AssistantProviders:Gateway:DashboardTenants:0"] = "team-typo" }));
        ex.Message.ShouldContain("DashboardTenants names 'team-typo'");
    }

    [Fact]
    public async Task After_traffic_the_page_shows_the_ledgers_counts_the_routes_state_and_the_budget()
    {
        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Budgets:Global:Daily"] = "5" });
        using var client = host.Client();
        for (var i = 0; i < 3; i++)
        {
            (await PostAsync(client, "v1/chat/completions", Chat)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var page = await client.GetStringAsync(new Uri("assistant-providers/", UriKind.Relative), Ct);

        var row = host.Services.GetRequiredService<IUsageLedger>().Snapshot().Rows.ShouldHaveSingleItem();
        row.Requests.ShouldBe(3);
        page.ShouldContain($"<tr data-provider=\"emulator\" data-model=\"{row.ModelId}\">");
        page.ShouldContain("<td class=\"requests\">3</td><td class=\"errors\">0</td>");
        page.ShouldContain("id=\"chart-requests\"");
        page.ShouldContain("data-total=\"3\"");
        page.ShouldContain("<tr data-operation=\"chat\" data-provider=\"emulator\" data-state=\"closed\">");
        page.ShouldContain("<tr data-budget=\"");
        page.ShouldContain("<td class=\"limit\">$5.00</td>");
        page.ShouldNotContain(GatewayHost.KeyA);
        page.ShouldNotContain(EmulatorDefaults.AnswerText); // No answer content on the page.
    }

    [Fact]
    public async Task Ids_from_vendors_or_config_are_html_encoded()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Services.GetRequiredService<IUsageLedger>().Record(new UsageRecord
        {
            ProviderId = "evil\"><script>alert(1)</script>",
            ModelId = "<img src=x onerror=alert(2)>",
            Latency = TimeSpan.FromMilliseconds(5),
        });
        using var client = host.Client();

        var page = await client.GetStringAsync(new Uri("assistant-providers/", UriKind.Relative), Ct);

        page.ShouldNotContain("<script", Case.Insensitive);
        page.ShouldNotContain("<img", Case.Insensitive);
        page.ShouldContain("&lt;script&gt;");
    }
}
