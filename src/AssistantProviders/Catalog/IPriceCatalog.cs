// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>
/// The price catalog: the embedded <c>models.json</c> merged with <c>AssistantProviders:Catalog</c> configuration.
/// It holds prices, context windows, capabilities, locality and compliance tags of every known model.
/// </summary>
public interface IPriceCatalog
{
    /// <summary>Gets the date the embedded prices were taken from the vendors' public price pages.</summary>
    DateOnly? PricesAsOf { get; }

    /// <summary>Gets the vendors' public price pages the numbers come from, by provider id.</summary>
    IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Lists the catalog's models (provider wildcards excluded), optionally of one provider.</summary>
    /// <param name="providerId">A provider id, or <see langword="null"/> for all.</param>
    /// <returns>New descriptors; changing them does not change the catalog.</returns>
    IReadOnlyList<ModelDescriptor> GetModels(string? providerId = null);

    /// <summary>
    /// Finds a model, resolving dated and prefixed ids to their priced alias (<c>gpt-4.1-nano-2025-04-14</c> →
    /// <c>gpt-4.1-nano</c>, <c>models/gemini-2.5-flash</c> → <c>gemini-2.5-flash</c>) and falling back to the provider's
    /// <c>*</c> wildcard (local providers).
    /// </summary>
    /// <param name="providerId">The provider id.</param>
    /// <param name="modelId">The model id as the caller or the vendor spells it.</param>
    /// <returns>A new descriptor carrying <paramref name="modelId"/>, or <see langword="null"/> when the model is unknown.</returns>
    ModelDescriptor? FindModel(string providerId, string modelId);
}
