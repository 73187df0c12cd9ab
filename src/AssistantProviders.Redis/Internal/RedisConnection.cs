// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// One lazily created <see cref="ConnectionMultiplexer"/> per app instance. It never aborts on a failed connect and reconnects
/// by itself; commands fail fast while disconnected (no backlog), so callers apply their fail-open/fail-closed rule at once.
/// Tracks availability: the first failure logs an error, later ones a throttled warning, and the recovery an information.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromSeconds(30);

    private readonly ConfigurationOptions _configuration;
    private readonly ILogger _logger;
    private readonly RedisMetrics _metrics;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private int _unavailable;
    private long _fallbacksSinceReminder;
    private long _lastReminder;
    private bool _disposed;

    public RedisConnection(RedisOptions options, ILogger logger, RedisMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("AssistantProviders:Redis:ConnectionString is not set and the REDIS_URL environment variable is empty: UseRedis needs a Redis connection.");
        }

        Options = options;
        _logger = logger;
        _metrics = metrics;
        _configuration = RedisConnectionString.Parse(options.ConnectionString);
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _configuration.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        _configuration.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        _configuration.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        _configuration.ReconnectRetryPolicy = new LinearRetry(500);
        _configuration.ClientName ??= "assistantproviders";
        Keys = new RedisKeys(options.KeyPrefix);
    }

    /// <summary>Raised (on a thread-pool thread) when Redis is reachable again after a failure.</summary>
    public event EventHandler? Restored;

    public RedisOptions Options { get; }

    public RedisKeys Keys { get; }

    public bool IsAvailable => Volatile.Read(ref _unavailable) == 0;

    /// <summary>Gets the database, waiting for the first connect attempt when it is still running (sync callers).</summary>
    public IDatabase Database => Connect().GetAwaiter().GetResult().GetDatabase();

    /// <summary>Gets the database, awaiting the first connect attempt when it is still running.</summary>
    public ValueTask<IDatabase> GetDatabaseAsync()
    {
        var connecting = Connect();
        return connecting.IsCompletedSuccessfully ? new ValueTask<IDatabase>(connecting.Result.GetDatabase()) : AwaitAsync(connecting);

        static async ValueTask<IDatabase> AwaitAsync(Task<ConnectionMultiplexer> task) => (await task.ConfigureAwait(false)).GetDatabase();
    }

    /// <summary>
    /// Starts (once) the asynchronous connect: callers await it instead of blocking pool threads behind a lock. With
    /// AbortOnConnectFail off it completes after the first attempt even when Redis is down, and the multiplexer keeps retrying.
    /// </summary>
    public Task<ConnectionMultiplexer> Connect()
    {
        var existing = Volatile.Read(ref _connecting);
        if (existing is not null)
        {
            return existing;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _connecting ??= ConnectCoreAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectCoreAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        multiplexer.ConnectionRestored += (_, _) => Succeeded();
        return multiplexer;
    }

    /// <summary>Notes that an operation of <paramref name="area"/> could not reach Redis and what was done instead.</summary>
    public void Failed(string area, string behavior, Exception exception)
    {
        _metrics.Fallbacks.Add(1, new KeyValuePair<string, object?>("area", area), new KeyValuePair<string, object?>("behavior", behavior));
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            Interlocked.Exchange(ref _lastReminder, Environment.TickCount64);
            Interlocked.Exchange(ref _fallbacksSinceReminder, 0);
            Log.Unavailable(_logger, exception, area, behavior);
            return;
        }

        var count = Interlocked.Increment(ref _fallbacksSinceReminder);
        var last = Interlocked.Read(ref _lastReminder);
        var now = Environment.TickCount64;
        if (now - last >= (long)ReminderInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastReminder, now, last) == last)
        {
            Interlocked.Exchange(ref _fallbacksSinceReminder, 0);
            Log.StillUnavailable(_logger, area, behavior, count);
        }
    }

    /// <summary>Notes that an operation reached Redis; after a failure, logs the recovery and raises <see cref="Restored"/>.</summary>
    public void Succeeded()
    {
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            Log.Restored(_logger);
            var handler = Restored;
            if (handler is not null)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static state => state.handler(state.sender, EventArgs.Empty), (handler, sender: (object)this), preferLocal: false);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_connecting is { IsCompletedSuccessfully: true } connected)
            {
                connected.Result.Dispose();
            }
        }
    }
}
