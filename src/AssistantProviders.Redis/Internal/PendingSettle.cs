// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;

namespace AssistantProviders.Redis.Internal;

/// <summary>A budget settle that could not reach Redis, kept until Redis is back (applied once: settles are idempotent by id).</summary>
/// <param name="ReservationId">The reservation id.</param>
/// <param name="Levels">The levels reserved against.</param>
/// <param name="Actual">The actual cost in USD.</param>
internal sealed record PendingSettle(string ReservationId, IReadOnlyList<BudgetLevel> Levels, decimal Actual);
