// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Redis.Internal;

/// <summary>
/// The Lua scripts. Each runs atomically on the server, so N instances × M concurrent calls see one sequence of
/// check-and-reserve operations. Amounts are whole nano-dollars; TTLs are relative seconds (instances' clocks never expire keys).
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Reserve. KEYS: per level its hash and its reservation zset (h1 z1 h2 z2 …). ARGV: id, amount, now (ms), expiry of the
    /// reservation (ms), then per level its limit and key TTL (s). Expired reservations (a crashed instance) are dropped first.
    /// Returns {1} reserved, {2} already reserved (same id), or {0, level, used} refused.
    /// </summary>
    public const string Reserve = """
        local id = ARGV[1]
        local amount = tonumber(ARGV[2])
        local now = tonumber(ARGV[3])
        local n = #KEYS / 2
        local field = 'r:' .. id
        if redis.call('HEXISTS', KEYS[1], field) == 1 then return {2} end
        for i = 1, n do
          local h = KEYS[2 * i - 1]
          local z = KEYS[2 * i]
          local stale = redis.call('ZRANGEBYSCORE', z, '-inf', now)
          for _, sid in ipairs(stale) do
            local a = redis.call('HGET', h, 'r:' .. sid)
            if a then
              redis.call('HINCRBY', h, 'reserved', '-' .. a)
              redis.call('HDEL', h, 'r:' .. sid)
            end
            redis.call('ZREM', z, sid)
          end
          local v = redis.call('HMGET', h, 'spent', 'reserved')
          local used = (tonumber(v[1]) or 0) + (tonumber(v[2]) or 0)
          if used + amount > tonumber(ARGV[4 + 2 * i - 1]) then return {0, i - 1, used} end
        end
        for i = 1, n do
          local h = KEYS[2 * i - 1]
          local z = KEYS[2 * i]
          local ttl = ARGV[4 + 2 * i]
          redis.call('HINCRBY', h, 'reserved', ARGV[2])
          redis.call('HSET', h, field, ARGV[2])
          redis.call('ZADD', z, ARGV[4], id)
          redis.call('EXPIRE', h, ttl)
          redis.call('EXPIRE', z, ttl)
        end
        return {1}
        """;

    /// <summary>
    /// Settle (or release with actual 0), once per reservation id. KEYS: h1 z1 … hn zn, then the settled marker. ARGV: id, actual,
    /// marker TTL (s), then per level its key TTL (s). Returns {-1} when already settled, else the spend of each level after it.
    /// A reservation that expired meanwhile is not released twice, but its actual cost is still counted.
    /// </summary>
    public const string Settle = """
        local m = #KEYS
        if not redis.call('SET', KEYS[m], '1', 'NX', 'EX', ARGV[3]) then return {-1} end
        local n = (m - 1) / 2
        local id = ARGV[1]
        local field = 'r:' .. id
        local out = {}
        for i = 1, n do
          local h = KEYS[2 * i - 1]
          local z = KEYS[2 * i]
          local a = redis.call('HGET', h, field)
          if a then
            redis.call('HINCRBY', h, 'reserved', '-' .. a)
            redis.call('HDEL', h, field)
          end
          redis.call('ZREM', z, id)
          out[i] = redis.call('HINCRBY', h, 'spent', ARGV[2])
          redis.call('EXPIRE', h, ARGV[3 + i])
        end
        return out
        """;

    /// <summary>Read budgets. KEYS: level hashes. Returns spent and reserved of each, flattened.</summary>
    public const string ReadBudgets = """
        local out = {}
        for i = 1, #KEYS do
          local v = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
          out[2 * i - 1] = tonumber(v[1]) or 0
          out[2 * i] = tonumber(v[2]) or 0
        end
        return out
        """;

    /// <summary>Fixed-window limit. KEYS: the window counter. ARGV: permits, limit, TTL (ms). Returns 1 admitted, 0 refused.</summary>
    public const string RateLimit = """
        local c = tonumber(redis.call('GET', KEYS[1]) or '0')
        if c + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
        redis.call('INCRBY', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    /// <summary>
    /// Ledger record, once per record id. KEYS: marker, then the buckets, then each bucket's index set. ARGV: marker TTL (s),
    /// bucket count, per bucket its TTL (s, 0 = none), provider, model, tenant, then field/increment pairs. The last bucket
    /// is the all-time one: it sums every tenant.
    /// </summary>
    public const string Record = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
        local nb = tonumber(ARGV[2])
        local base = 3 + nb
        for i = 1, nb do
          local h = KEYS[1 + i]
          for j = base + 3, #ARGV, 2 do
            redis.call('HINCRBY', h, ARGV[j], ARGV[j + 1])
          end
          local tenant = ARGV[base + 2]
          if i == nb then tenant = '' end
          redis.call('HSET', h, 'p', ARGV[base], 'm', ARGV[base + 1], 't', tenant)
          local idx = KEYS[1 + nb + i]
          redis.call('SADD', idx, h)
          local ttl = tonumber(ARGV[2 + i])
          if ttl > 0 then
            redis.call('EXPIRE', h, ttl)
            redis.call('EXPIRE', idx, ttl)
          end
        end
        return 1
        """;

    /// <summary>Publish a health deadline. KEYS: the key. ARGV: until (unix ms), TTL (ms). Keeps the later deadline.</summary>
    public const string ExtendUntil = """
        local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > cur then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """;
}
