// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>How a routed request ended.</summary>
internal sealed record RouteCompletion(
    IReadOnlyList<RouteAttempt> Attempts,
    RouteAttemptInfo? Served,
    RouteAttemptResult? ServedResult,
    object? Output,
    string? StreamedText,
    Exception? Error,
    TimeSpan Latency)
{
    public bool Cancelled => Error is OperationCanceledException || (Error is null && Served is null);

    public UsageDetails? Usage => ServedResult?.Usage;
}
