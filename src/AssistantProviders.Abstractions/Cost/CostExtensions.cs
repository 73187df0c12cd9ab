// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>Reads and writes <see cref="CostDetails"/> in the <c>AdditionalProperties</c> of MEAI responses.</summary>
public static class CostExtensions
{
    /// <summary>Gets the cost of a chat response, or <see langword="null"/> when no cost was computed (the router computes it).</summary>
    /// <param name="response">The response.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this ChatResponse response) => Get(response?.AdditionalProperties);

    /// <summary>Gets the cost from a streamed update. The router puts it on the final update only.</summary>
    /// <param name="update">The update.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this ChatResponseUpdate update) => Get(update?.AdditionalProperties);

    /// <summary>Gets the cost of an embedding batch.</summary>
    /// <param name="embeddings">The embeddings.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this GeneratedEmbeddings<Embedding<float>> embeddings) => Get(embeddings?.AdditionalProperties);

    /// <summary>Gets the cost of a transcription.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this SpeechToTextResponse response) => Get(response?.AdditionalProperties);

    /// <summary>Gets the cost of a speech synthesis.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this TextToSpeechResponse response) => Get(response?.AdditionalProperties);

    /// <summary>Gets the cost of an image generation.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this ImageGenerationResponse response) => Get(ImageGenerationResponseExtensions.FindAdditionalProperties(response));

    /// <summary>Attaches a cost to an image response (in its <see cref="ImageGenerationResponseExtensions.GetAdditionalProperties"/> bag).</summary>
    /// <param name="response">The response.</param>
    /// <param name="cost">The cost.</param>
    public static void SetCost(this ImageGenerationResponse response, CostDetails cost)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(cost);
        response.GetAdditionalProperties()[AssistantProviderProperties.Cost] = cost;
    }

    /// <summary>Gets the cost of a rerank call.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The cost, or <see langword="null"/>.</returns>
    public static CostDetails? GetCost(this RerankResult result) => Get(result?.AdditionalProperties);

    /// <summary>Stores <paramref name="cost"/> under <see cref="AssistantProviderProperties.Cost"/>, creating the dictionary if needed.</summary>
    /// <param name="properties">The dictionary slot of a response.</param>
    /// <param name="cost">The cost.</param>
    /// <returns>The dictionary (new or existing).</returns>
    public static AdditionalPropertiesDictionary WithCost(this AdditionalPropertiesDictionary? properties, CostDetails cost)
    {
        properties ??= [];
        properties[AssistantProviderProperties.Cost] = cost;
        return properties;
    }

    private static CostDetails? Get(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(AssistantProviderProperties.Cost, out var value) ? value as CostDetails : null;
}
