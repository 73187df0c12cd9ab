// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>One routed chat call (<see cref="ChatRouter.GetResponseAsync"/>).</summary>
internal sealed class ChatOperation : RouteOperation<IChatClient, ChatResponse>
{
    private readonly IEnumerable<ChatMessage> _messages;
    private readonly ChatOptions? _options;
    private IReadOnlyList<ChatMessage> _list = [];

    public ChatOperation(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        _messages = messages;
        _options = options;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine)
    {
        // The messages are read once, when the engine plans (inside its task), as the router always did.
        _list = _messages as IReadOnlyList<ChatMessage> ?? [.. _messages];
        return ProfileOf(engine, _list, _options, streaming: false);
    }

    /// <inheritdoc/>
    public override Task<ChatResponse> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken) =>
        ClientOf(route).GetResponseAsync(_list, OptionsFor(_options, route), cancellationToken);

    /// <inheritdoc/>
    public override AccountingResult Describe(ChatResponse response, RouteCandidate route) =>
        new() { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel };

    /// <inheritdoc/>
    public override void Annotate(ChatResponse response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        response.ModelId ??= route.EffectiveModel;
        response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
    }

    /// <summary>Builds a chat request's profile: routing keys, estimated input tokens and the capabilities it needs.</summary>
    internal static RequestProfile ProfileOf(RouteEngine engine, IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        long tokens;
        try
        {
            tokens = engine.Accounting.EstimateInputTokens(messages, options);
        }
#pragma warning disable CA1031 // A failing estimate must not fail the request.
        catch (Exception)
#pragma warning restore CA1031
        {
            tokens = NullRequestAccounting.Instance.EstimateInputTokens(messages, options);
        }

        return RequestProfile.From(
            RouteOperations.Chat,
            options?.ModelId,
            options?.AdditionalProperties,
            tokens,
            streaming,
            input: messages,
            maxOutputTokens: options?.MaxOutputTokens,
            needsTools: options?.Tools is { Count: > 0 },
            needsJson: options?.ResponseFormat is ChatResponseFormatJson,
            needsVision: ChatInput.HasImage(messages),
            chatOptions: options);
    }

    /// <summary>The caller's options for one route, with the route's model: a clone, unless they already name it (never changed either way).</summary>
    internal static ChatOptions OptionsFor(ChatOptions? options, RouteCandidate route)
    {
        // The caller's options already name this route's model (a bare id): pass them on as they are (never changed), no clone.
        if (options is not null && route.Model is not null && string.Equals(options.ModelId, route.Model, StringComparison.Ordinal))
        {
            return options;
        }

        var clone = options?.Clone() ?? new ChatOptions();
        clone.ModelId = route.Model;
        return clone;
    }
}
