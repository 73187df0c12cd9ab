// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Fakes;

/// <summary>A scriptable chat client. Each call gets its 0-based call index.</summary>
public sealed class FakeChatClient(string name) : IChatClient
{
    private int _calls;

    public string Name { get; } = name;

    public int Calls => Volatile.Read(ref _calls);

    public List<ChatOptions?> ReceivedOptions { get; } = [];

    /// <summary>Gets a signal set each time the client is called (reset it by replacing).</summary>
    public TaskCompletionSource Started { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<int, ChatOptions?, CancellationToken, Task<ChatResponse>> Respond { get; set; }
        = (_, options, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { ModelId = options?.ModelId });

    public Func<int, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> Stream { get; set; }
        = (_, _, ct) => Updates(["x", "y"], ct);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        lock (ReceivedOptions)
        {
            ReceivedOptions.Add(options);
        }

        Started.TrySetResult();
        return Respond(call, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        lock (ReceivedOptions)
        {
            ReceivedOptions.Add(options);
        }

        Started.TrySetResult();
        return Stream(call, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>Yields text updates, the last with a finish reason.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Updates(string[] texts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, texts[i])
            {
                MessageId = "m1",
                FinishReason = i == texts.Length - 1 ? ChatFinishReason.Stop : null,
            };
        }
    }
}
