// Licensed under the MIT License. See LICENSE in the project root.
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

        // The engine's task is returned as is (no async wrapper of ours); planning runs inside it.
        return _engine.ExecuteAsync(new ChatOperation(messages, options), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // The engine's stream is returned as is (no iterator of ours around it: one less hop per chunk); the plan is
        // built when enumeration starts.
        return _engine.StreamAsync(new StreamingChatOperation(messages, options), cancellationToken);
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
}
