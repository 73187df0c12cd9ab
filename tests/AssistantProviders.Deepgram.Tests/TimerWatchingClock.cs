// Licensed under the MIT License. See LICENSE in the project root.
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>A <see cref="FakeTimeProvider"/> that reports each timer created on it, so a test advances the clock exactly when the code waits.</summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer of <paramref name="due"/> is created, then advances the clock past it.</summary>
    public async Task FireWhenCreatedAsync(TimeSpan due)
    {
        while (await _timers.Reader.ReadAsync(TestContext.Current.CancellationToken) != due)
        {
        }

        Advance(due + TimeSpan.FromMilliseconds(1));
    }
}
