// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.TestUtilities.Stores;

namespace AssistantProviders.Tests.Budgets;

/// <summary>The engine's in-memory budget store against the store conformance suite.</summary>
public sealed class InMemoryBudgetStoreTests : BudgetStoreConformanceTests
{
    protected override IBudgetStore CreateStore() => new InMemoryBudgetStore();
}
