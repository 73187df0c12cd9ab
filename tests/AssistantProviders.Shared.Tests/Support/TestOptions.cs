// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests.Support;

/// <summary>Concrete options for the shared plumbing under test.</summary>
public sealed class TestOptions : ProviderClientOptions
{
}
