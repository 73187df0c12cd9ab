// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Adversarial.Tests.Harness;
using AssistantProviders.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Adversarial.Tests.Ssrf;

/// <summary>A server that answers with a redirect to another host (or the cloud metadata address): nothing the project creates follows it.</summary>
public sealed class RedirectTests
{
    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var vendor in Vendors.All)
        {
            data.Add(vendor, 302, false);
            data.Add(vendor, 307, true);
            data.Add(vendor, 308, false);
        }

        return data;
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(Cases))]
    public async Task A_public_client_does_not_follow_a_redirect_to_another_host(string vendor, int status, bool streaming)
    {
        var key = Vendors.NewKey();
        await using var other = new HostileServer(x => x.WriteAsync(Wire.Response(200, Payloads.Complete(vendor, "stolen", "followed"))));
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(status, "{}", "application/json", "Location: " + other.At("v1/chat/completions?key=" + key))));
        using var client = Vendors.Client(vendor, server, key);

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
        other.Count.ShouldBe(0, "the redirect was followed");
        Signals.ExceptionText(outcome.Error!).ShouldNotContain(key);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai", "http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("anthropic", "http://metadata.google.internal./computeMetadata/v1/")]
    [InlineData("gemini", "http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("cohere", "http://169.254.169.254/metadata/instance?api-version=2021-02-01")]
    [InlineData("ollama", "http://169.254.169.254/latest/meta-data/")]
    public async Task A_routed_call_does_not_follow_a_redirect_to_a_metadata_address(string vendor, string location)
    {
        await using var other = new HostileServer(x => x.WriteAsync(Wire.Response(200, Payloads.Complete(vendor, "stolen", "followed"))));
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(x.Index == 0 ? 302 : 307, "{}", "application/json", "Location: " + (x.Index == 0 ? location : other.Url.ToString()))));
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()), routing: r => r.MaxAttempts = 2);

        var first = await Outcome.OfAsync(router.Chat, streaming: false, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        first.ShouldFailWith<AssistantProviderException>();
        second.Error.ShouldBeAssignableTo<AssistantProviderException>();
        other.Count.ShouldBe(0);
        first.Text.ShouldNotContain("followed");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("http://169.254.169.254:11434/")]
    [InlineData("http://metadata.google.internal.:11434/")]
    [InlineData("http://METADATA.GOOGLE.INTERNAL/")]
    [InlineData("http://[::ffff:169.254.169.254]:11434/")]
    public async Task A_discovery_endpoint_at_a_metadata_address_fails_start_up(string endpoint)
    {
        await using var router = new Router(b => b.AddOllama(), new Dictionary<string, string?>
        {
            ["AssistantProviders:Discovery:OllamaEndpoint"] = endpoint,
            ["AssistantProviders:Discovery:ProbeLocalServers"] = "true",
        });

        var error = Should.Throw<OptionsValidationException>(() => router.Services.GetRequiredService<IOptions<ModelDiscoveryOptions>>().Value);
        error.Message.ShouldContain("OllamaEndpoint");
    }

    [Fact(Timeout = 15_000)]
    public async Task The_local_probe_and_model_listing_never_follow_a_redirect_and_list_nothing_from_it()
    {
        await using var other = new HostileServer(x => x.WriteAsync(Wire.Response(200, """{"models":[{"name":"stolen:latest","model":"stolen:latest"}],"data":[{"id":"stolen"}]}""")));
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(302, "{}", "application/json", "Location: " + other.At("api/tags"))));
        await using var router = new Router(b => b.Add("ollama", server, Vendors.NewKey()), new Dictionary<string, string?>
        {
            ["AssistantProviders:Discovery:OllamaEndpoint"] = server.Url.ToString(),
            ["AssistantProviders:Discovery:ProbeLocalServers"] = "true",
        });

        var catalog = await router.Services.GetRequiredService<IModelCatalog>().ListModelsAsync(refresh: true, TestContext.Current.CancellationToken);

        server.Count.ShouldBeGreaterThan(0, "discovery asked the configured server");
        other.Count.ShouldBe(0, "discovery followed a redirect");
        catalog.Models.ShouldNotContain(m => m.ModelId.Contains("stolen", StringComparison.Ordinal));
    }
}
