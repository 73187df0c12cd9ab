// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.Extensions.AI;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Together.Internal;

/// <summary>
/// Together's wire quirks: usage always arrives on the final stream chunk (no <c>stream_options</c> is sent); finish reason
/// <c>eos</c> (mapped to stop by the codec); <c>GET /models</c> is a bare array whose items carry <c>type</c> and <c>pricing</c>
/// (USD per 1M tokens).
/// </summary>
internal sealed class TogetherProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="TogetherProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public TogetherProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override bool IncludeStreamUsage => false;

    /// <summary>Together's embeddings API has no <c>encoding_format</c> (its spec does not define it): always floats.</summary>
    public override void ConfigureEmbeddingRequest(WireEmbeddingRequest request, EmbeddingGenerationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EncodingFormat = null;
    }

    public override void OnModelListed(JsonElement item, ModelDescriptor model)
    {
        model.Capabilities = ReadString(item, "type") switch
        {
            "chat" or "language" => ModelCapabilities.Chat | ModelCapabilities.Streaming,
            "embedding" => ModelCapabilities.Embeddings,
            "rerank" => ModelCapabilities.Rerank,
            "image" => ModelCapabilities.Image,
            "audio" or "transcribe" => ModelCapabilities.SpeechToText,
            _ => ModelCapabilities.None,
        };
        if (model.Capabilities == ModelCapabilities.None)
        {
            Log.UnknownModelType(_logger, model.ModelId, ReadString(item, "type"));
        }

        if (ReadPricing(item) is { } pricing && (pricing.InputPerMillionTokens is not null || pricing.OutputPerMillionTokens is not null))
        {
            model.Pricing = pricing;
        }
    }
}
