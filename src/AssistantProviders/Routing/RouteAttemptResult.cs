// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>How one attempt ended, as observers see it.</summary>
internal sealed record RouteAttemptResult(RouteAttempt Attempt, UsageDetails? Usage, string? ResponseModel, TimeSpan? TimeToFirstToken, Exception? Error);
