// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;

namespace AssistantProviders.Shared;

/// <summary>
/// The keys of one provider (<see cref="ProviderClientOptions.ApiKey"/> then <see cref="ProviderClientOptions.ApiKeys"/>) when there
/// are two or more: requests go round robin over the healthy keys; a key answered with 429 cools down until its Retry-After, and a
/// key answered with 401/402 is disabled for the life of the process. Shared by every client built on the same options object.
/// Keys never appear in logs: only <see cref="ApiKey.Fingerprint"/>.
/// </summary>
internal sealed class ApiKeyPool
{
    /// <summary>How long a key answered with 429 and no Retry-After is left alone.</summary>
    public static readonly TimeSpan DefaultCooling = TimeSpan.FromSeconds(5);

    private static readonly ConditionalWeakTable<ProviderClientOptions, ApiKeyPool> Pools = new();
    private readonly Lock _gate = new();
    private readonly Entry[] _entries;
    private int _cursor;

    private ApiKeyPool(Entry[] entries)
    {
        _entries = entries;
    }

    /// <summary>Gets the number of keys.</summary>
    public int Count => _entries.Length;

    /// <summary>Gets the pool of <paramref name="options"/>, or <see langword="null"/> when it holds fewer than two distinct keys.</summary>
    public static ApiKeyPool? For(ProviderClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ApiKeys.Count + (options.ApiKey is null ? 0 : 1) < 2)
        {
            return null; // The common case: no allocation.
        }

        if (Pools.TryGetValue(options, out var pool) && pool.Matches(options))
        {
            return pool;
        }

        var keys = new List<ApiKey>(options.ApiKeys.Count + 1);
        if (options.ApiKey is { } first)
        {
            keys.Add(first);
        }

        foreach (var key in options.ApiKeys)
        {
            if (key is not null && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        if (keys.Count < 2)
        {
            return null;
        }

        pool = new ApiKeyPool([.. keys.Select(k => new Entry(k))]);
        Pools.AddOrUpdate(options, pool);
        return pool;
    }

    /// <summary>
    /// Picks the key for a new request: the next healthy key round robin; when every key is cooling, the one that recovers first;
    /// when every key is disabled, the next one anyway (the vendor's answer then surfaces).
    /// </summary>
    public ApiKey Next(DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = NextHealthy(now, exclude: null);
            if (index < 0)
            {
                index = EarliestCooling();
            }

            if (index < 0)
            {
                index = _cursor % _entries.Length;
                _cursor = index + 1;
            }

            return _entries[index].Key;
        }
    }

    /// <summary>Picks a healthy key not yet tried by this request, or <see langword="null"/> when none is left.</summary>
    public ApiKey? NextUntried(DateTimeOffset now, IReadOnlyCollection<ApiKey> tried)
    {
        lock (_gate)
        {
            var index = NextHealthy(now, tried);
            return index < 0 ? null : _entries[index].Key;
        }
    }

    /// <summary>Records a 401/402 (disabled for the process) or a 429 (cooling until <paramref name="retryAfter"/>) for <paramref name="key"/>.</summary>
    /// <returns><see langword="true"/> when the status is one that rotates keys.</returns>
    public bool MarkFailed(ApiKey key, int? status, TimeSpan? retryAfter, DateTimeOffset now)
    {
        if (status is not (401 or 402 or 429))
        {
            return false;
        }

        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (!entry.Key.Equals(key))
                {
                    continue;
                }

                if (status == 429)
                {
                    var until = now + (retryAfter is { } delay && delay > TimeSpan.Zero ? delay : DefaultCooling);
                    entry.CoolingUntil = entry.CoolingUntil is { } current && current > until ? current : until;
                }
                else
                {
                    entry.Disabled = true;
                }
            }
        }

        return true;
    }

    /// <summary>Gets the fingerprint of a key of the pool (computed once), for logs.</summary>
    public string FingerprintOf(ApiKey key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Equals(key))
            {
                return entry.Fingerprint;
            }
        }

        return key.Fingerprint();
    }

    private bool Matches(ProviderClientOptions options)
    {
        // Cheap check that the configured keys did not change since the pool was built.
        foreach (var key in options.ApiKeys)
        {
            if (key is not null && !Contains(key))
            {
                return false;
            }
        }

        return options.ApiKey is null || Contains(options.ApiKey);
    }

    private bool Contains(ApiKey key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Equals(key))
            {
                return true;
            }
        }

        return false;
    }

    private int NextHealthy(DateTimeOffset now, IReadOnlyCollection<ApiKey>? exclude)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            var index = (_cursor + i) % _entries.Length;
            var entry = _entries[index];
            if (entry.Disabled || entry.CoolingUntil > now || (exclude is not null && exclude.Contains(entry.Key)))
            {
                continue;
            }

            _cursor = index + 1;
            return index;
        }

        return -1;
    }

    private int EarliestCooling()
    {
        var best = -1;
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if (!entry.Disabled && (best < 0 || entry.CoolingUntil < _entries[best].CoolingUntil))
            {
                best = i;
            }
        }

        return best;
    }

    private sealed class Entry(ApiKey key)
    {
        public ApiKey Key { get; } = key;

        public string Fingerprint { get; } = key.Fingerprint();

        public DateTimeOffset? CoolingUntil { get; set; }

        public bool Disabled { get; set; }
    }
}
