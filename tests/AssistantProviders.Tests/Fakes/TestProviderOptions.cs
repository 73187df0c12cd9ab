// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Tests.Fakes;

/// <summary>Options of a fake provider.</summary>
public sealed class TestProviderOptions : ProviderClientOptions
{
}
