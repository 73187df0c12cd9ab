// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.OpenAI.Tests;

public sealed class OpenAIDependencyInjectionTests
{
    [Fact]
    public void AddOpenAI_RegistersKeyedClientsForEveryModality()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["OPENAI_API_KEY"] = "sk-env-1234567890" });
        builder.AddOpenAI();
        using var sp = builder.Build();

        var chat = sp.GetRequiredKeyedService<IChatClient>("openai");
        chat.ShouldBeOfType<OpenAIChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("openai");
        sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("openai").ShouldBeOfType<OpenAIEmbeddingGenerator>();
        sp.GetRequiredKeyedService<ISpeechToTextClient>("openai").ShouldBeOfType<OpenAISpeechToTextClient>()
            .GetService<SpeechToTextClientMetadata>()!.DefaultModelId.ShouldBe("whisper-1");
        sp.GetRequiredKeyedService<ITextToSpeechClient>("openai").ShouldBeOfType<OpenAITextToSpeechClient>();
        sp.GetRequiredKeyedService<IModelDiscovery>("openai").ShouldBeSameAs(chat);
        sp.GetRequiredKeyedService<IChatClient>("openai").ShouldBeSameAs(chat);
        sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem().Id.ShouldBe("openai");
        sp.GetRequiredService<IOptionsMonitor<OpenAIClientOptions>>().Get("openai").ApiKey!.Reveal().ShouldBe("sk-env-1234567890");
    }

    [Fact]
    public void ConfigSection_AndDelegate_AreApplied()
    {
        var builder = new TestProvidersBuilder(new()
        {
            ["AssistantProviders:Providers:OpenAI:ApiKey"] = "sk-config-1234567890",
            ["AssistantProviders:Providers:OpenAI:DefaultModel"] = "gpt-4o",
            ["AssistantProviders:Providers:OpenAI:DefaultVoice"] = "nova",
        });
        builder.AddOpenAI(o => o.Organization = "org-x");
        using var sp = builder.Build();
        var options = sp.GetRequiredService<IOptionsMonitor<OpenAIClientOptions>>().Get("openai");
        options.ApiKey!.Reveal().ShouldBe("sk-config-1234567890");
        options.DefaultModel.ShouldBe("gpt-4o");
        options.DefaultVoice.ShouldBe("nova");
        options.Organization.ShouldBe("org-x");
        sp.GetRequiredKeyedService<IChatClient>("openai").GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("gpt-4o");
    }

    [Fact]
    public void HttpEndpoint_FailsValidation()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["OPENAI_BASE_URL"] = "http://api.openai.com/v1/", ["OPENAI_API_KEY"] = "sk-1234567890" });
        builder.AddOpenAI();
        using var sp = builder.Build();
        Should.Throw<OptionsValidationException>(() => sp.GetRequiredKeyedService<IChatClient>("openai"));
    }
}
