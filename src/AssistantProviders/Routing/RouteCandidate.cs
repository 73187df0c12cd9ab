// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using AssistantProviders.Resilience;

namespace AssistantProviders.Routing;

/// <summary>One provider and model the router may send a request to, with its client and health state.</summary>
internal sealed class RouteCandidate
{
    public RouteCandidate(ProviderRuntime provider, string? model, object client, RouteState state, int rank)
    {
        Provider = provider;
        Model = model;
        Client = client;
        State = state;
        Rank = rank;
        EffectiveModel = model ?? ClientDefaultModel(client) ?? (client is IChatClient ? provider.DefaultModel : null);
    }

    public ProviderRuntime Provider { get; }

    /// <summary>Gets the model to send, or <see langword="null"/> to let the provider use its default.</summary>
    public string? Model { get; }

    private string? _name;

    public object Client { get; }

    public RouteState State { get; }

    /// <summary>Gets the position in the unordered candidate list (the priority order).</summary>
    public int Rank { get; }

    /// <summary>Gets the model id for lookups: the route's model or the provider's default.</summary>
    /// <summary>Gets the model that will serve: the requested one, else the client's own default (an embedding or speech client
    /// has its own default model, distinct from the provider's chat default), else the provider's default chat model.</summary>
    public string? EffectiveModel { get; }

    public string Name => _name ??= Provider.Id + "/" + (Model ?? "(default)");

    public override string ToString() => Name;

    private static string? ClientDefaultModel(object client) => client switch
    {
        IChatClient c => c.GetService<ChatClientMetadata>()?.DefaultModelId,
        IEmbeddingGenerator<string, Embedding<float>> e =>
            e.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId,
        ISpeechToTextClient s => s.GetService<SpeechToTextClientMetadata>()?.DefaultModelId,
        ITextToSpeechClient t => t.GetService<TextToSpeechClientMetadata>()?.DefaultModelId,
        IImageGenerator g => g.GetService<ImageGeneratorMetadata>()?.DefaultModelId,
        _ => null,
    };
}
