// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Mlx.Internal;

/// <summary>
/// <c>mlx_lm.server</c>'s wire quirks: plain OpenAI chat completions; the model id <c>default_model</c> means "the model the server
/// was started with" (the built-in default), which is logged so a surprising answer can be traced to the server's model.
/// </summary>
internal sealed class MlxProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="MlxProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public MlxProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.Model, MlxProvider.DefaultModel, StringComparison.Ordinal))
        {
            Log.ServerModel(_logger, request.Model);
        }
    }
}
