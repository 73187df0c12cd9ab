// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using AssistantProviders.Emulator;
using AssistantProviders.Replicate;

namespace AssistantProviders.ConformanceTests.Providers.Replicate;

/// <summary>
/// The image suite against the emulator's Replicate predictions (create with <c>Prefer: wait</c>, then the PNG fetched from the
/// emulator's own output URL). Flux sizes travel as the nearest <c>aspect_ratio</c>; the emulator draws the image at that ratio.
/// </summary>
public sealed class ReplicateImageGenerationConformanceTests(EmulatorFixture fixture) : ImageGenerationConformanceTests(fixture)
{
    protected override string ProviderId => "replicate";

    protected override string ImagePath => "/predictions";

    protected override int MaxCount => 4;

    protected override Size? AlternateSize => new Size(1024, 768);

    protected override string? UriModelId => "black-forest-labs/flux-dev";

    protected override string SizeOnTheWire(Size size) => "\"aspect_ratio\":\"4:3\"";

    protected override IImageGenerator CreateImageGenerator(EmulatorServer emulator, string apiKey, long? maxResponseBytes)
    {
        var options = new ReplicateClientOptions { ApiKey = apiKey, Endpoint = emulator.ReplicateEndpoint };
        if (maxResponseBytes is { } cap)
        {
            options.MaxResponseBytes = cap;
        }

        return new ReplicateImageGenerator(options);
    }
}
