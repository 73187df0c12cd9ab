// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Replicate.Internal;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Replicate.Tests;

public sealed class ReplicateBuilderExtensionsTests
{
    [Fact]
    public void Registers_keyed_image_chat_speech_and_discovery()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["REPLICATE_API_TOKEN"] = Fixtures.Key });
        builder.AddReplicate();
        using var services = builder.Services.BuildServiceProvider();

        var images = services.GetRequiredKeyedService<IImageGenerator>("replicate").ShouldBeOfType<ReplicateImageGenerator>();
        images.GetService<ImageGeneratorMetadata>()!.ProviderName.ShouldBe("replicate");
        services.GetRequiredKeyedService<IImageGenerator>("replicate").ShouldBeSameAs(images);
        services.GetRequiredKeyedService<IChatClient>("replicate").ShouldBeOfType<ReplicateChatClient>();
        services.GetRequiredKeyedService<ISpeechToTextClient>("replicate").ShouldBeOfType<ReplicateSpeechToTextClient>();
        services.GetRequiredKeyedService<IModelDiscovery>("replicate").ShouldBeOfType<ReplicateClient>();
        services.GetRequiredKeyedService<ReplicateClient>("replicate").ShouldBeSameAs(services.GetRequiredKeyedService<IModelDiscovery>("replicate"));
        var registration = services.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.GetOptions(services).ApiKey!.Reveal().ShouldBe(Fixtures.Key);
        registration.Descriptor.Capabilities.HasFlag(ModelCapabilities.Image).ShouldBeTrue();
        registration.Descriptor.ApiKeyEnvironmentVariable.ShouldBe("REPLICATE_API_TOKEN");
    }

    [Fact]
    public void Configuration_beats_environment_and_binds_the_replicate_knobs()
    {
        var builder = new TestProvidersBuilder(
            new()
            {
                ["Providers:Replicate:ApiKey"] = "from-config",
                ["Providers:Replicate:DefaultModel"] = "black-forest-labs/flux-dev",
                ["Providers:Replicate:Wait"] = "00:00:10",
                ["Providers:Replicate:MaxOutputBytes"] = "1000",
            },
            new() { ["REPLICATE_API_TOKEN"] = "from-env", ["REPLICATE_BASE_URL"] = "https://replicate-proxy.example.com/" });
        builder.AddReplicate();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<ReplicateClientOptions>>().Get(ReplicateProvider.Id);
        options.ApiKey!.Reveal().ShouldBe("from-config");
        options.DefaultModel.ShouldBe("black-forest-labs/flux-dev");
        options.Wait.ShouldBe(TimeSpan.FromSeconds(10));
        options.MaxOutputBytes.ShouldBe(1000);
        options.Endpoint.ShouldBe(new Uri("https://replicate-proxy.example.com/"));
        services.GetRequiredKeyedService<IImageGenerator>("replicate").GetService<ImageGeneratorMetadata>()!.DefaultModelId.ShouldBe("black-forest-labs/flux-dev");
    }

    [Fact]
    public void Plain_http_endpoint_fails_validation()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["REPLICATE_API_TOKEN"] = Fixtures.Key, ["REPLICATE_BASE_URL"] = "http://replicate.example.com/" });
        builder.AddReplicate();
        using var services = builder.Services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<ReplicateClientOptions>>().Get(ReplicateProvider.Id))
            .Message.ShouldContain("REPLICATE_BASE_URL");
    }
}
