// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Routing;

/// <summary>Sanitizes the usage a vendor reported before it reaches spans, metrics and the audit record.</summary>
internal static class VendorUsage
{
    /// <summary>
    /// Returns <paramref name="usage"/> itself when no count is negative, else a copy with every negative count set to 0; each
    /// clamped count is logged.
    /// </summary>
    public static UsageDetails? Clamp(UsageDetails? usage, string route, ILogger logger)
    {
        if (usage is null || !HasNegative(usage))
        {
            return usage;
        }

        return new UsageDetails
        {
            InputTokenCount = Clamp(usage.InputTokenCount, "input tokens", route, logger),
            OutputTokenCount = Clamp(usage.OutputTokenCount, "output tokens", route, logger),
            TotalTokenCount = Clamp(usage.TotalTokenCount, "total tokens", route, logger),
            CachedInputTokenCount = Clamp(usage.CachedInputTokenCount, "cached input tokens", route, logger),
            ReasoningTokenCount = Clamp(usage.ReasoningTokenCount, "reasoning tokens", route, logger),
            InputAudioTokenCount = Clamp(usage.InputAudioTokenCount, "audio input tokens", route, logger),
            OutputAudioTokenCount = Clamp(usage.OutputAudioTokenCount, "audio output tokens", route, logger),
            AdditionalCounts = usage.AdditionalCounts,
        };
    }

    private static bool HasNegative(UsageDetails u) =>
        u.InputTokenCount < 0 || u.OutputTokenCount < 0 || u.TotalTokenCount < 0 || u.CachedInputTokenCount < 0
        || u.ReasoningTokenCount < 0 || u.InputAudioTokenCount < 0 || u.OutputAudioTokenCount < 0;

    private static long? Clamp(long? value, string field, string route, ILogger logger)
    {
        if (value is < 0)
        {
            MonitoringLog.NegativeUsageClamped(logger, route, field, value.Value);
            return 0;
        }

        return value;
    }
}
