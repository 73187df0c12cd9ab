// Licensed under the MIT License. See LICENSE in the project root.
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>A <see cref="FakeTimeProvider"/> that reports each timer created on it (its due time), so a test advances the clock exactly when the code waits.</summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerWatchingClock()
        : base(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits for the next timer the code creates and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync(TestContext.Current.CancellationToken);

    /// <summary>Waits for the next timer and advances the clock by its due time; returns the due time.</summary>
    public async Task<TimeSpan> FireNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }
}
