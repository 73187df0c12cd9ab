// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using AssistantProviders.Emulator;
using AssistantProviders.OpenAI;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIImageGenerationConformanceTests(EmulatorFixture fixture) : ImageGenerationConformanceTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override string ImagePath => "images/generations";

    protected override int MaxCount => 10;

    protected override Size? AlternateSize => new Size(1024, 1536);

    protected override string? UriModelId => "dall-e-3";

    protected override IImageGenerator CreateImageGenerator(EmulatorServer emulator, string apiKey, long? maxResponseBytes)
    {
        var options = new OpenAIClientOptions { ApiKey = apiKey, Endpoint = emulator.OpenAIEndpoint };
        if (maxResponseBytes is { } cap)
        {
            options.MaxResponseBytes = cap;
        }

        return new OpenAIImageGenerator(options);
    }
}
