// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>One routed chat stream (<see cref="ChatRouter.GetStreamingResponseAsync"/>); it ends with a closing update that carries the cost.</summary>
internal sealed class StreamingChatOperation : StreamingRouteOperation<IChatClient, ChatResponseUpdate>
{
    private readonly IEnumerable<ChatMessage> _messages;
    private readonly ChatOptions? _options;
    private IReadOnlyList<ChatMessage> _list = [];

    public StreamingChatOperation(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        _messages = messages;
        _options = options;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine)
    {
        // The messages are read once, when enumeration starts, as the router always did.
        _list = _messages as IReadOnlyList<ChatMessage> ?? [.. _messages];
        return ChatOperation.ProfileOf(engine, _list, _options, streaming: true);
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<ChatResponseUpdate> Open(RouteCandidate route, CancellationToken cancellationToken) =>
        ClientOf(route).GetStreamingResponseAsync(_list, ChatOperation.OptionsFor(_options, route), cancellationToken);

    /// <inheritdoc/>
    public override IEnumerable<AIContent>? ContentsOf(ChatResponseUpdate update) => update.Contents;

    /// <inheritdoc/>
    public override void AnnotateEach(ChatResponseUpdate update, RouteCandidate route)
    {
        update.ModelId ??= route.EffectiveModel;

        // The provider clients already stamp their id on every update: only fill it in when missing.
        var properties = update.AdditionalProperties;
        if (properties is null)
        {
            update.AdditionalProperties = new() { [AssistantProviderProperties.Provider] = route.Provider.Id };
        }
        else if (!properties.ContainsKey(AssistantProviderProperties.Provider))
        {
            properties[AssistantProviderProperties.Provider] = route.Provider.Id;
        }
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(ChatResponseUpdate? last, RouteCandidate route, UsageDetails? usage) =>
        new() { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel };

    /// <inheritdoc/>
    public override ChatResponseUpdate? Annotate(ChatResponseUpdate last, RouteCandidate route, RequestRun run, CostDetails? cost) => new()
    {
        Role = last.Role ?? ChatRole.Assistant,
        ResponseId = last.ResponseId,
        MessageId = last.MessageId,
        ConversationId = last.ConversationId,
        ModelId = last.ModelId ?? route.EffectiveModel,
        AdditionalProperties = run.Annotate(null, route, cost),
    };
}
