// Licensed under the MIT License. See LICENSE in the project root.
using StackExchange.Redis;

namespace AssistantProviders.Redis.Internal;

/// <summary>A ledger record that could not reach Redis, replayed once Redis is back (idempotent by its record id).</summary>
/// <param name="Keys">The script keys (the first is the record's marker).</param>
/// <param name="Args">The script arguments.</param>
internal sealed record PendingRecord(RedisKey[] Keys, RedisValue[] Args);
