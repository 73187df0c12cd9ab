// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One model's prices read from a public price data file, already in the catalog's units and provider ids.</summary>
public sealed class ImportedModelPrice
{
    internal ImportedModelPrice(string providerId, string modelId, string sourceKey, IReadOnlyDictionary<string, decimal> prices)
    {
        ProviderId = providerId;
        ModelId = modelId;
        SourceKey = sourceKey;
        Prices = prices;
    }

    /// <summary>Gets the AssistantProviders provider id (<c>groq</c>, <c>gemini</c>, <c>together</c>…).</summary>
    public string ProviderId { get; }

    /// <summary>Gets the model id as the vendor's API spells it (the file's provider prefix removed).</summary>
    public string ModelId { get; }

    /// <summary>Gets the model's key or id in the imported file, for messages.</summary>
    public string SourceKey { get; }

    /// <summary>Gets the qualified id, <c>provider/model</c>.</summary>
    public string QualifiedId => ProviderId + "/" + ModelId;

    /// <summary>
    /// Gets the prices by catalog field name (<c>input</c>, <c>output</c>, <c>cachedInput</c>, <c>cacheWrite</c>, <c>reasoning</c>,
    /// <c>audioInput</c>, <c>audioOutput</c>, <c>perAudioMinute</c>, <c>perThousandCharacters</c>, <c>perImage</c>, <c>perRequest</c>),
    /// in USD per 1M tokens or per the unit the field names.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Prices { get; }

    /// <summary>Gets the input context window the file gives, if any.</summary>
    public int? ContextWindow { get; init; }

    /// <summary>Gets the output token limit the file gives, if any.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Gets what the file says the model can do (<see cref="ModelCapabilities.None"/> when it says nothing).</summary>
    public ModelCapabilities Capabilities { get; init; }
}
