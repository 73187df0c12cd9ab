// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using AssistantProviders.TestUtilities.Stores;

namespace AssistantProviders.Tests.Resilience;

/// <summary>The engine's in-memory rate-limit gate against the store conformance suite.</summary>
public sealed class InMemoryRateLimitGateTests : RateLimitGateConformanceTests
{
    protected override IRateLimitGate CreateGate() => new InMemoryRateLimitGate(Time);
}
