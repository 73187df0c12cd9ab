// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The routed <see cref="IChatClient"/>: picks a provider per request (filters, then the strategy's order) and fails over
/// only before the first streamed update is exposed, with <c>FailoverChatClient</c> semantics. Resolve it as the unkeyed
/// <see cref="IChatClient"/>.
/// </summary>
public sealed class ChatRouter : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("assistant-providers");
    private readonly RouteEngine _engine;

    internal ChatRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // The engine's task is returned as is (no async wrapper of ours); planning runs inside it, as before.
        IReadOnlyList<ChatMessage> list = [];
        return _engine.ExecuteAsync(
            () =>
            {
                list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
                return _engine.Plan(Profile(list, options, streaming: false), typeof(IChatClient));
            },
            (route, token) => ((IChatClient)route.Client).GetResponseAsync(list, OptionsFor(options, route), token),
            static (response, route) => new AccountingResult { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel },
            static (response, route, run, cost) =>
            {
                response.ModelId ??= route.EffectiveModel;
                response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // The engine's stream is returned as is (no iterator of ours around it: one less hop per chunk); the plan is
        // still built when enumeration starts.
        IReadOnlyList<ChatMessage> list = [];
        return _engine.StreamAsync(
            () =>
            {
                list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
                return _engine.Plan(Profile(list, options, streaming: true), typeof(IChatClient));
            },
            (route, token) => ((IChatClient)route.Client).GetStreamingResponseAsync(list, OptionsFor(options, route), token),
            static update => update.Contents,
            static (update, route) =>
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
            },
            static (route, run, cost, last) => new ChatResponseUpdate
            {
                Role = last.Role ?? ChatRole.Assistant,
                ResponseId = last.ResponseId,
                MessageId = last.MessageId,
                ConversationId = last.ConversationId,
                ModelId = last.ModelId ?? route.EffectiveModel,
                AdditionalProperties = run.Annotate(null, route, cost),
            },
            static (last, route, usage) => new AccountingResult { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel },
            cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The provider clients belong to the service provider.
    }

    private RequestProfile Profile(IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        var properties = options?.AdditionalProperties;
        long tokens;
        try
        {
            tokens = _engine.Accounting.EstimateInputTokens(messages, options);
        }
#pragma warning disable CA1031 // A failing estimate must not fail the request.
        catch (Exception)
#pragma warning restore CA1031
        {
            tokens = NullRequestAccounting.Instance.EstimateInputTokens(messages, options);
        }

        return new RequestProfile
        {
            Operation = RouteOperations.Chat,
            RequestedModel = options?.ModelId,
            DataClass = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.DataClass)),
            AllowedRegions = RouteEngine.ReadList(properties?.GetValueOrDefault(AssistantProviderProperties.AllowedRegions)),
            Task = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.Task)),
            Strategy = RouteEngine.ReadStrategy(properties?.GetValueOrDefault(AssistantProviderProperties.Strategy)),
            Tenant = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.Tenant)),
            EstimatedInputTokens = tokens,
            MaxOutputTokens = options?.MaxOutputTokens,
            NeedsTools = options?.Tools is { Count: > 0 },
            NeedsJson = options?.ResponseFormat is ChatResponseFormatJson,
            NeedsVision = ChatInput.HasImage(messages),
            Streaming = streaming,
            Input = messages,
        };
    }

    private static ChatOptions OptionsFor(ChatOptions? options, RouteCandidate route)
    {
        var clone = options?.Clone() ?? new ChatOptions();
        clone.ModelId = route.Model;
        return clone;
    }
}
