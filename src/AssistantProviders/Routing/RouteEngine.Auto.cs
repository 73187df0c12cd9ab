// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Routing;

/// <content><see cref="RoutingStrategy.Auto"/>: classify a chat request into a tier, then put the tier's pool first.</content>
internal sealed partial class RouteEngine
{
    private IRequestClassifier? _classifier;
    private BudgetExceededPolicy? _budgetPolicy;

    /// <summary>Gets the classifier (resolved on first use: the semantic one depends on the embedding router, which depends on this engine).</summary>
    private IRequestClassifier Classifier => _classifier ??= _services.GetService<IRequestClassifier>() ?? new HeuristicRequestClassifier(Options.Auto);

    /// <summary>Gets what budgets do when a call does not fit (decides which way <c>Auto</c> fails over between tiers).</summary>
    private BudgetExceededPolicy BudgetPolicy => _budgetPolicy ??= _services.GetService<IBudgetManager>()?.OnExceeded ?? BudgetExceededPolicy.Throw;

    /// <summary>
    /// Classifies a chat request routed with <see cref="RoutingStrategy.Auto"/> (before it is planned); anything else is left
    /// alone without an await. A failing classifier never fails the request: the heuristic decides and it is logged.
    /// </summary>
    public ValueTask ClassifyAsync(RequestProfile profile, CancellationToken cancellationToken)
    {
        if ((profile.Strategy ?? Options.Strategy) != RoutingStrategy.Auto || profile.Input is not IReadOnlyList<ChatMessage> messages)
        {
            return ValueTask.CompletedTask;
        }

        return ClassifyChatAsync(profile, messages, cancellationToken);
    }

    private async ValueTask ClassifyChatAsync(RequestProfile profile, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            profile.Classification = await Classifier.ClassifyAsync(messages, profile.ChatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClassifierFailed(Logger, ex.GetType().Name);
            var fallback = new HeuristicRequestClassifier(Options.Auto).Classify(messages, profile.ChatOptions);
            profile.Classification = new RequestClassification(fallback.Tier, fallback.Classifier, fallback.Score, ["classifier failed (" + ex.GetType().Name + ")", .. fallback.Reasons]);
        }
    }

    /// <summary>The pooled routes the caller did not name (no model requested): every <c>provider/model</c> of every tier pool, once.</summary>
    private void AddPoolRoutes(List<(ProviderRuntime Provider, string? Model)> routes, AutoRoutingOptions auto)
    {
        foreach (var pool in auto.Tiers.Values)
        {
            foreach (var entry in pool)
            {
                var (providerId, model) = SplitRouteEntry(entry);
                if (model is null || FindProvider(providerId) is not { } provider)
                {
                    continue; // A bare provider entry matches that provider's routes; an unknown provider has none.
                }

                if (!routes.Exists(r => ReferenceEquals(r.Provider, provider) && string.Equals(r.Model ?? provider.DefaultModel, model, StringComparison.OrdinalIgnoreCase)))
                {
                    routes.Add((provider, model));
                }
            }
        }
    }

    /// <summary>
    /// Orders the eligible routes for <see cref="RoutingStrategy.Auto"/>: the request's tier pool first, then the other tiers
    /// by distance (up first; down first when budgets fall back to cheaper routes), then routes in no pool; each group by
    /// <see cref="AutoRoutingOptions.PoolStrategy"/>.
    /// </summary>
    private List<RouteCandidate> OrderAuto(List<RouteCandidate> eligible, RequestProfile profile, RoutingOptions options, out Func<RouteCandidate, string>? detail)
    {
        var auto = options.Auto;
        var secondary = auto.PoolStrategy == RoutingStrategy.Auto ? RoutingStrategy.Cheapest : auto.PoolStrategy;
        var within = Sort(eligible, profile, secondary, options, out var secondaryDetail);
        var tier = profile.Classification?.Tier;
        if (tier is null || auto.Tiers.Count == 0)
        {
            detail = secondaryDetail;
            return within;
        }

        var order = auto.EffectiveTierOrder;
        var position = IndexOf(order, tier);
        var down = BudgetPolicy is BudgetExceededPolicy.FallbackToCheaper or BudgetExceededPolicy.LocalOnly;
        var groups = new Dictionary<RouteCandidate, (int Group, string Label)>(eligible.Count);
        foreach (var candidate in eligible)
        {
            groups[candidate] = GroupOf(candidate, tier, position, order, auto, down);
        }

        detail = c => secondaryDetail is null ? groups[c].Label : groups[c].Label + ", " + secondaryDetail(c);
        return [.. within.OrderBy(c => groups[c].Group)]; // OrderBy is stable: the pool strategy's order holds inside each group.
    }

    private static (int Group, string Label) GroupOf(RouteCandidate candidate, string tier, int position, IReadOnlyList<string> order, AutoRoutingOptions auto, bool down)
    {
        if (InPool(candidate, auto.Tiers.GetValueOrDefault(tier)))
        {
            return (0, "tier '" + tier + "' pool");
        }

        var best = int.MaxValue;
        string? label = null;
        foreach (var (name, pool) in auto.Tiers)
        {
            if (string.Equals(name, tier, StringComparison.OrdinalIgnoreCase) || !InPool(candidate, pool))
            {
                continue;
            }

            // Distance from the request's tier; an unlisted tier (either side) sits above every listed one.
            var other = IndexOf(order, name);
            var from = position < 0 ? order.Count : position;
            var at = other < 0 ? order.Count : other;
            var distance = Math.Abs(at - from);
            var preferred = down ? at < from : at > from;
            var group = (2 * distance) - (preferred ? 1 : 0);
            if (group < best)
            {
                best = group;
                label = "fallback: tier '" + name + "' pool";
            }
        }

        return label is null ? (int.MaxValue, "in no tier pool") : (best, label);
    }

    private static bool InPool(RouteCandidate candidate, List<string>? pool)
    {
        if (pool is null)
        {
            return false;
        }

        foreach (var entry in pool)
        {
            if (MatchesRouteEntry(entry, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<string> order, string tier)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], tier, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
