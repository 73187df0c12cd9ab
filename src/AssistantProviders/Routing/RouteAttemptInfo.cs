// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>One attempt (one call to one route) as observers see it.</summary>
internal sealed record RouteAttemptInfo(int Number, string Provider, string? Model, string? EffectiveModel, bool IsLocal)
{
    public string Name => Provider + "/" + (Model ?? "(default)");
}
