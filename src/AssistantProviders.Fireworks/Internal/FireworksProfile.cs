// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Fireworks.Internal;

/// <summary>
/// Fireworks' wire quirks: model ids are resource names (<c>accounts/fireworks/models/&lt;id&gt;</c>), so a short id without
/// <c>/</c> is expanded; usage always arrives on the final stream chunk (no <c>stream_options</c>); models are listed by the control
/// plane (<c>GET /v1/accounts/fireworks/models</c>, <c>{"models":[...]}</c> with camelCase fields), not by <c>/inference/v1/models</c>.
/// </summary>
internal sealed class FireworksProfile : OpenAIWireProfile
{
    public const string ModelPrefix = "accounts/fireworks/models/";

    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="FireworksProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public FireworksProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override bool IncludeStreamUsage => false;

    public override string ModelsPath => "../../v1/accounts/fireworks/models?pageSize=200";

    /// <summary>Expands a short model id (no <c>/</c>) to <c>accounts/fireworks/models/&lt;id&gt;</c>; full ids pass unchanged.</summary>
    public static string NormalizeModelId(string model) =>
        string.IsNullOrWhiteSpace(model) || model.Contains('/', StringComparison.Ordinal) ? model : ModelPrefix + model;

    public override void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Model = Expand(request.Model);
    }

    public override void ConfigureEmbeddingRequest(WireEmbeddingRequest request, EmbeddingGenerationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Model = Expand(request.Model);
    }

    public override void OnModelListed(JsonElement item, ModelDescriptor model)
    {
        model.ContextWindow ??= ReadInt(item, "contextLength");
        model.Capabilities = ReadString(item, "kind") == "EMBEDDING_MODEL"
            ? ModelCapabilities.Embeddings
            : ModelCapabilities.Chat | ModelCapabilities.Streaming |
              (ReadBool(item, "supportsTools") ? ModelCapabilities.Tools : ModelCapabilities.None) |
              (ReadBool(item, "supportsImageInput") ? ModelCapabilities.Vision : ModelCapabilities.None);
    }

    private string Expand(string model)
    {
        var expanded = NormalizeModelId(model);
        if (!string.Equals(expanded, model, StringComparison.Ordinal))
        {
            Log.ModelIdExpanded(_logger, model, expanded);
        }

        return expanded;
    }
}
