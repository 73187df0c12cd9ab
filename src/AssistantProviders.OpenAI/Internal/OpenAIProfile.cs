// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>OpenAI's own wire quirks: <c>max_completion_tokens</c> (required by reasoning models) instead of <c>max_tokens</c>.</summary>
internal sealed class OpenAIProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="OpenAIProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public OpenAIProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override bool UseMaxCompletionTokens => true;

    public override void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxCompletionTokens is { } limit)
        {
            Log.MaxCompletionTokens(_logger, request.Model, limit);
        }
    }
}
