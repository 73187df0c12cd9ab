// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>What AssistantProviders does while Redis is unreachable.</summary>
public enum RedisUnavailableBehavior
{
    /// <summary>Refuse what Redis would have to allow: paid calls fail the budget check (free and local providers still work).</summary>
    FailClosed = 0,

    /// <summary>Carry on with this instance's in-process limits, with loud logs and the <c>assistant_providers.redis.fallbacks</c> metric.</summary>
    FailOpen,
}
