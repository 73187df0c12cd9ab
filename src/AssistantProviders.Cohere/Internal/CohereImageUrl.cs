// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>An image reference: a web URL or a base64 data URI.</summary>
internal sealed class CohereImageUrl
{
    public string Url { get; set; } = string.Empty;
}
