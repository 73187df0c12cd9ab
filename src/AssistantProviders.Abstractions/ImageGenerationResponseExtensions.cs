// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>
/// A property bag for <see cref="ImageGenerationResponse"/>, which (unlike MEAI's other responses) has no
/// <c>AdditionalProperties</c>. The image router puts there what it puts in a chat response's: the provider
/// (<see cref="AssistantProviderProperties.Provider"/>), the cost, the attempts and the route explanation.
/// </summary>
public static class ImageGenerationResponseExtensions
{
    private static readonly ConditionalWeakTable<ImageGenerationResponse, AdditionalPropertiesDictionary> Bags = new();

    /// <summary>
    /// Gets the response's property bag, created empty on first use and kept for as long as the response lives. Reads that
    /// find nothing yet get an empty bag too; thread-safe.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <returns>The bag, keyed like <see cref="ChatResponse.AdditionalProperties"/>.</returns>
    public static AdditionalPropertiesDictionary GetAdditionalProperties(this ImageGenerationResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Bags.GetValue(response, static _ => []);
    }

    /// <summary>Gets the bag only when one was attached, without creating it.</summary>
    internal static AdditionalPropertiesDictionary? FindAdditionalProperties(ImageGenerationResponse? response) =>
        response is not null && Bags.TryGetValue(response, out var bag) ? bag : null;
}
