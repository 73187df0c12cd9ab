// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Accounting;
using AssistantProviders.Internal;
using Microsoft.Extensions.AI;

namespace AssistantProviders;

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
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var plan = _engine.Plan(Profile(list, options, streaming: false), typeof(IChatClient));
        return await _engine.ExecuteAsync(
            plan,
            (route, token) => ((IChatClient)route.Client).GetResponseAsync(list, OptionsFor(options, route), token),
            (response, route) => new AccountingResult { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel },
            (response, route, run, cost) =>
            {
                response.ModelId ??= route.EffectiveModel;
                response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StreamAsync(messages, options, cancellationToken);
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

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var plan = _engine.Plan(Profile(list, options, streaming: true), typeof(IChatClient));
        var stream = _engine.StreamAsync(
            plan,
            (route, token) => ((IChatClient)route.Client).GetStreamingResponseAsync(list, OptionsFor(options, route), token),
            update => update.Contents,
            (update, route) =>
            {
                update.ModelId ??= route.EffectiveModel;
                (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
            },
            (route, run, cost, last) => new ChatResponseUpdate
            {
                Role = last.Role ?? ChatRole.Assistant,
                ResponseId = last.ResponseId,
                MessageId = last.MessageId,
                ConversationId = last.ConversationId,
                ModelId = last.ModelId ?? route.EffectiveModel,
                AdditionalProperties = run.Annotate(null, route, cost),
            },
            (last, route, usage) => new AccountingResult { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel },
            cancellationToken);
        await foreach (var update in stream.ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private RequestProfile Profile(IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        var properties = options?.AdditionalProperties;
        long tokens;
        try
        {
            tokens = _engine.Accounting.EstimateInputTokens(messages);
        }
#pragma warning disable CA1031 // A failing estimate must not fail the request.
        catch (Exception)
#pragma warning restore CA1031
        {
            tokens = NullRequestAccounting.Instance.EstimateInputTokens(messages);
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
