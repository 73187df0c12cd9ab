// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Tests.Fakes;

/// <summary>Stream scripts for the fakes.</summary>
internal static class Streams
{
    /// <summary>Yields <paramref name="texts"/> then throws <paramref name="error"/> (or ends without a finish reason when null).</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> ThenFail(string[] texts, Exception? error, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text) { MessageId = "m1" };
        }

        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>Yields <paramref name="texts"/>, signals <paramref name="stalled"/>, then waits <paramref name="stall"/> on the fake clock.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> ThenStall(string[] texts, TimeSpan stall, FakeTimeProvider time, TaskCompletionSource stalled, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text) { MessageId = "m1" };
        }

        var delay = Task.Delay(stall, time, cancellationToken);
        stalled.TrySetResult();
        await delay;
        yield return new ChatResponseUpdate(ChatRole.Assistant, "late") { MessageId = "m1", FinishReason = ChatFinishReason.Stop };
    }

    /// <summary>Reads a stream to its end, returning what was received and the error that ended it.</summary>
    public static async Task<(List<ChatResponseUpdate> Updates, Exception? Error)> Collect(IAsyncEnumerable<ChatResponseUpdate> stream, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in stream.WithCancellation(cancellationToken))
            {
                updates.Add(update);
            }

            return (updates, null);
        }
        catch (Exception ex)
        {
            return (updates, ex);
        }
    }

    /// <summary>Waits for a task with a generous real-time guard so a bug shows up as a failure, not a hang.</summary>
    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits for a task with a generous real-time guard.</summary>
    public static Task Guard(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(20));
}
