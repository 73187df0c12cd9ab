// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Internal;

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
    }

    public ProviderRuntime Provider { get; }

    /// <summary>Gets the model to send, or <see langword="null"/> to let the provider use its default.</summary>
    public string? Model { get; }

    public object Client { get; }

    public RouteState State { get; }

    /// <summary>Gets the position in the unordered candidate list (the priority order).</summary>
    public int Rank { get; }

    /// <summary>Gets the model id for lookups: the route's model or the provider's default.</summary>
    public string? EffectiveModel => Model ?? Provider.DefaultModel;

    public string Name => Provider.Id + "/" + (Model ?? "(default)");

    public override string ToString() => Name;
}
