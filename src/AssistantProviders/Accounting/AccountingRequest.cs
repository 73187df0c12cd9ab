// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Accounting;

/// <summary>What an attempt is about to do, for budget reservation.</summary>
/// <param name="ProviderId">The provider id.</param>
/// <param name="ModelId">The model id.</param>
/// <param name="Operation">chat, embeddings, stt, tts, rerank or image.</param>
/// <param name="Tenant">The caller or tenant key, if any.</param>
/// <param name="EstimatedInputTokens">Estimated input tokens.</param>
/// <param name="MaxOutputTokens">The request's max output tokens, if set.</param>
internal sealed record AccountingRequest(
    string ProviderId,
    string ModelId,
    string Operation,
    string? Tenant,
    long EstimatedInputTokens,
    long? MaxOutputTokens)
{
    /// <summary>Gets the audio length to transcribe in minutes, when known before the call (speech-to-text reservation).</summary>
    public double? AudioMinutes { get; init; }

    /// <summary>Gets the characters to synthesize (text-to-speech reservation).</summary>
    public long? Characters { get; init; }

    /// <summary>Gets the images requested (image generation reservation; 1 when unset).</summary>
    public int? Images { get; init; }

    /// <summary>Gets the size and quality of the images (<c>WxH</c> or <c>WxH/quality</c>), to pick the catalog's image price.</summary>
    public string? ImageVariant { get; init; }
}
