// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>The randomizer behind weighted routing and retry jitter; tests register one with a fixed sequence.</summary>
internal sealed class RoutingRandom
{
#pragma warning disable CA5394 // Routing jitter and weights are not security-sensitive.
    public RoutingRandom()
        : this(Random.Shared.NextDouble)
    {
    }
#pragma warning restore CA5394

    public RoutingRandom(Func<double> next)
    {
        Next = next;
    }

    /// <summary>Gets a function returning a value in [0, 1).</summary>
    public Func<double> Next { get; }
}
