// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.DependencyInjection;

/// <summary>A marker options type: validating it at start checks the names under <c>AssistantProviders:Providers</c>.</summary>
internal sealed class ProviderSectionsCheck
{
}
