// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using AssistantProviders.TestUtilities.Stores;

namespace AssistantProviders.Tests.Resilience;

/// <summary>The engine's in-memory shared route health against the store conformance suite.</summary>
public sealed class InMemorySharedRouteHealthTests : SharedRouteHealthConformanceTests
{
    protected override ISharedRouteHealth CreateHealth() => new InMemorySharedRouteHealth(Time);
}
