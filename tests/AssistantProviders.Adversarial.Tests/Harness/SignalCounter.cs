// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>A thread-safe counter that completes a task once it reaches a target: lets a case wait for a state, never for time.</summary>
public sealed class SignalCounter(int target)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets a task that completes when the count reaches the target.</summary>
    public Task Reached => _reached.Task;

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) >= target)
        {
            _reached.TrySetResult();
        }
    }
}
