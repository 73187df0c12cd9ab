// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities.Stores;
using AssistantProviders.Usage;

namespace AssistantProviders.Tests.Usage;

/// <summary>The engine's in-memory usage store (the ledger's own counts) against the store conformance suite.</summary>
public sealed class InMemoryUsageStoreTests : UsageStoreConformanceTests
{
    protected override IUsageStore CreateStore() => new InMemoryUsageStore(Time);
}
