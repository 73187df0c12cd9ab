// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Mistral.Internal;

/// <summary>
/// Mistral's wire quirks: the request schema is closed (<c>additionalProperties: false</c>), so no <c>stream_options</c> (usage
/// arrives on the final chunk anyway); <c>random_seed</c> instead of <c>seed</c>; <c>tool_choice</c> <c>any</c> instead of
/// <c>required</c>; embeddings take <c>output_dimension</c> instead of <c>dimensions</c>. Stream tool calls arrive whole and
/// without <c>index</c>, which the shared stream state merges by id.
/// </summary>
internal sealed class MistralProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="MistralProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public MistralProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    private static readonly JsonElement Any = ToJsonElement("tool_choice", "any");

    private static readonly string[] Knobs = [MistralPropertyNames.SafePrompt, MistralPropertyNames.PromptMode, MistralPropertyNames.ReasoningEffort];

    public override bool IncludeStreamUsage => false;

    public override void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
        if (request.Seed is { } seed)
        {
            (request.Extra ??= [])["random_seed"] = ToJsonElement("random_seed", seed);
            request.Seed = null;
            Log.SeedRenamed(_logger, request.Model);
        }

        if (request.ToolChoice is { ValueKind: JsonValueKind.String } choice && choice.ValueEquals("required"))
        {
            request.ToolChoice = Any;
            Log.ToolChoiceAny(_logger, request.Model);
        }

        foreach (var key in Knobs)
        {
            CopyOption(options, key, request);
        }
    }

    public override void ConfigureEmbeddingRequest(WireEmbeddingRequest request, EmbeddingGenerationOptions? options)
    {
        if (request.Dimensions is { } dimensions)
        {
            (request.Extra ??= [])["output_dimension"] = ToJsonElement("output_dimension", dimensions);
            request.Dimensions = null;
            Log.DimensionsRenamed(_logger, request.Model);
        }
    }
}
