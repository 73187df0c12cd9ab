// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Anthropic.Tests;

public sealed class AnthropicBuilderExtensionsTests
{
    [Fact]
    public void AddAnthropic_binds_env_key_and_registers_keyed_client()
    {
        var builder = new TestProvidersBuilder(environment: new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = Fixtures.Key });
        builder.AddAnthropic();
        using var sp = builder.Services.BuildServiceProvider();

        var chat = sp.GetRequiredKeyedService<IChatClient>("anthropic");
        chat.ShouldBeOfType<AnthropicChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("anthropic");
        sp.GetRequiredKeyedService<IModelDiscovery>("anthropic").ShouldBeSameAs(chat);
        Options(sp).ApiKey!.Reveal().ShouldBe(Fixtures.Key);
        Options(sp).ApiKey!.ToString().ShouldBe("REDACTED");
        var registration = sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Descriptor.ApiKeyEnvironmentVariable.ShouldBe("ANTHROPIC_API_KEY");
        registration.Descriptor.Regions.ShouldContain("us");
    }

    [Fact]
    public void Config_beats_env_and_binds_vendor_knobs()
    {
        var builder = new TestProvidersBuilder(
            new Dictionary<string, string?> { ["Providers:Anthropic:ApiKey"] = "sk-ant-from-config-123", ["Providers:Anthropic:DefaultMaxTokens"] = "2048", ["Providers:Anthropic:Beta"] = "b1" },
            new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = Fixtures.Key, ["ANTHROPIC_BASE_URL"] = "https://proxy.example.com/anthropic/v1/" });
        builder.AddAnthropic();
        using var sp = builder.Services.BuildServiceProvider();

        Options(sp).ApiKey!.Reveal().ShouldBe("sk-ant-from-config-123");
        Options(sp).DefaultMaxTokens.ShouldBe(2048);
        Options(sp).Beta.ShouldBe("b1");
        Options(sp).Endpoint.ShouldBe(new Uri("https://proxy.example.com/anthropic/v1/"));
    }

    [Fact]
    public void Plain_http_endpoint_is_rejected_for_a_cloud_vendor_but_loopback_is_allowed()
    {
        var remote = new TestProvidersBuilder();
        remote.AddAnthropic(o => o.Endpoint = new Uri("http://api.example.com/v1/"));
        using (var sp = remote.Services.BuildServiceProvider())
        {
            Should.Throw<OptionsValidationException>(() => Options(sp)).Message.ShouldContain("ANTHROPIC_BASE_URL");
        }

        var loopback = new TestProvidersBuilder();
        loopback.AddAnthropic(o => o.Endpoint = new Uri("http://127.0.0.1:5000/anthropic/v1/"));
        using var sp2 = loopback.Services.BuildServiceProvider();
        Options(sp2).Endpoint!.IsLoopback.ShouldBeTrue();
    }

    [Fact]
    public void Section_overload_binds_that_section()
    {
        var builder = new TestProvidersBuilder(new Dictionary<string, string?> { ["Mine:DefaultModel"] = "claude-opus-4-1", ["Mine:ApiKey"] = "sk-ant-x-123456789" });
        builder.AddAnthropic(builder.Configuration.GetSection("Mine"));
        using var sp = builder.Services.BuildServiceProvider();

        sp.GetRequiredKeyedService<IChatClient>("anthropic").GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("claude-opus-4-1");
    }

    private static AnthropicClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<AnthropicClientOptions>>().Get("anthropic");
}
