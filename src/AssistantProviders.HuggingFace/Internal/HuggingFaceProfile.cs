// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>
/// The Inference Providers router speaks plain OpenAI chat. <c>GET /models</c> items list the serving <c>providers</c>, each with
/// its own <c>context_length</c>, <c>pricing</c> (USD per 1M tokens) and <c>supports_tools</c>; the first live one is used.
/// </summary>
internal sealed class HuggingFaceProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="HuggingFaceProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public HuggingFaceProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override void OnModelListed(JsonElement item, ModelDescriptor model)
    {
        model.Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming;
        if (!item.TryGetProperty("providers", out var providers) || providers.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var provider in providers.EnumerateArray())
        {
            if (ReadString(provider, "status") is not (null or "live"))
            {
                continue;
            }

            model.ContextWindow ??= ReadInt(provider, "context_length");
            if (ReadBool(provider, "supports_tools"))
            {
                model.Capabilities |= ModelCapabilities.Tools;
            }

            if (ReadPricing(provider) is { } pricing)
            {
                model.Pricing = pricing;
            }

            return;
        }

        Log.NoLiveProvider(_logger, model.ModelId);
    }
}
