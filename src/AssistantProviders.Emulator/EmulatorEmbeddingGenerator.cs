// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator;

/// <summary>The emulator's deterministic embeddings (id <c>emulator</c>), over the OpenAI wire format.</summary>
public sealed class EmulatorEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Initializes a new instance of the <see cref="EmulatorEmbeddingGenerator"/> class against a running server.</summary>
    /// <param name="server">The emulator server.</param>
    /// <param name="httpClient">An optional HTTP client.</param>
    public EmulatorEmbeddingGenerator(EmulatorServer server, HttpClient? httpClient = null)
        : this(new EmulatorClientOptions(), server, httpClient, null, null)
    {
    }

    internal EmulatorEmbeddingGenerator(EmulatorClientOptions options, EmulatorServer? server, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireEmbeddingGenerator(
            EmulatorTransportFactory.Create(options, server, httpClient, logger, timeProvider),
            OpenAIWireProfile.Default,
            options?.DefaultEmbeddingModel ?? EmulatorDefaults.EmbeddingModel))
    {
    }
}
