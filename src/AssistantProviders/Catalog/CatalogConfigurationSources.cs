// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Catalog;

/// <summary>The <c>AssistantProviders:Catalog</c> sections given to each <c>AddAssistantProvidersAccounting</c> call, applied in order.</summary>
internal sealed class CatalogConfigurationSources
{
    public List<IConfigurationSection> Sections { get; } = [];
}
