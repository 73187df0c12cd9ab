// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Resilience;
using AssistantProviders.Security;

namespace AssistantProviders.Routing;

/// <content>Candidate routes, filters and orders.</content>
internal sealed partial class RouteEngine
{
    private List<(ProviderRuntime Provider, string? Model)> RawRoutes(RequestProfile profile, RoutingOptions options, RouteExplanation explanation)
    {
        var routes = new List<(ProviderRuntime, string?)>();
        var requested = profile.RequestedModel;
        if (string.IsNullOrWhiteSpace(requested))
        {
            foreach (var provider in Providers)
            {
                var first = provider.DefaultModel;
                if (profile.Operation != RouteOperations.Chat)
                {
                    routes.Add((provider, null));
                    continue;
                }

                routes.Add((provider, first));
                foreach (var model in provider.Models)
                {
                    if (!string.Equals(model, first, StringComparison.OrdinalIgnoreCase))
                    {
                        routes.Add((provider, model));
                    }
                }
            }

            if (profile.Operation == RouteOperations.Chat && (profile.Strategy ?? options.Strategy) == RoutingStrategy.Auto)
            {
                AddPoolRoutes(routes, options.Auto);
            }

            return routes;
        }

        // provider/model pins one route.
        var slash = requested.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && FindProvider(requested[..slash]) is { } pinned)
        {
            var model = requested[(slash + 1)..];
            routes.Add((pinned, model.Length == 0 ? null : model));
            return routes;
        }

        // An alias maps to an ordered list of provider/model.
        if (options.Aliases.TryGetValue(requested, out var alias) && alias.Count > 0)
        {
            foreach (var entry in alias)
            {
                var (providerId, model) = SplitRouteEntry(entry);
                if (FindProvider(providerId) is { } provider)
                {
                    routes.Add((provider, model));
                }
                else
                {
                    explanation.Add(new RouteDecision(providerId, model, false, "skipped: alias '" + requested + "' names a provider that is not registered"));
                }
            }

            return routes;
        }

        // A bare model id: providers that list it (options or catalog), else any provider, passing it through.
        foreach (var provider in Providers)
        {
            if (provider.Models.Contains(requested, StringComparer.OrdinalIgnoreCase)
                || string.Equals(provider.DefaultModel, requested, StringComparison.OrdinalIgnoreCase)
                || SafeFindModel(provider.Id, requested) is not null)
            {
                routes.Add((provider, requested));
            }
        }

        if (routes.Count == 0)
        {
            foreach (var provider in Providers)
            {
                routes.Add((provider, requested));
            }
        }

        return routes;
    }

    /// <summary>Returns why a route is filtered out, or <see langword="null"/> when it passes.</summary>
    private string? Filter(RequestProfile profile, ProviderRuntime provider, string? model, ComplianceRule? rule, string? pinnedModel)
    {
        if (provider.InactiveReason is { } inactive)
        {
            return inactive;
        }

        if (provider.DisabledReason is { } disabled)
        {
            return "disabled: " + disabled;
        }

        if (pinnedModel is not null && !string.Equals(ModelIdentity(provider, model), pinnedModel, StringComparison.OrdinalIgnoreCase))
        {
            return "skipped: embeddings of this store are pinned to " + pinnedModel;
        }

        if (rule is not null && (rule.Tags.Count > 0 || rule.Regions.Count > 0))
        {
            var allowed = rule.Tags.Any(provider.Tags.Contains) || rule.Regions.Any(provider.Regions.Contains);
            if (!allowed)
            {
                var tags = provider.Tags.Count == 0 ? "none" : string.Join(",", provider.Tags);
                return $"skipped: data class '{profile.DataClass}' needs tags [{string.Join(",", rule.Tags)}] or regions [{string.Join(",", rule.Regions)}]; provider has tags [{tags}]";
            }
        }

        if (Security.CheckTenant(profile.Tenant, provider.Id, model ?? provider.DefaultModel) is { } denied)
        {
            return denied;
        }

        if (profile.AllowedRegions is { Count: > 0 } regions && !provider.IsLocal && !regions.Any(provider.Regions.Contains))
        {
            return $"skipped: processes data in [{string.Join(",", provider.Regions)}], request allows [{string.Join(",", regions)}]";
        }

        if (profile.Operation == RouteOperations.Chat)
        {
            var effective = model ?? provider.DefaultModel;
            var descriptor = effective is null ? null : SafeFindModel(provider.Id, effective);
            if (descriptor is not null)
            {
                var caps = descriptor.Capabilities;
                if (caps != ModelCapabilities.None)
                {
                    if (profile.NeedsTools && !caps.HasFlag(ModelCapabilities.Tools))
                    {
                        return "skipped: model has no tool calling";
                    }

                    if (profile.NeedsVision && !caps.HasFlag(ModelCapabilities.Vision))
                    {
                        return "skipped: model has no image input";
                    }

                    if (profile.NeedsJson && !caps.HasFlag(ModelCapabilities.Json))
                    {
                        return "skipped: model has no JSON mode";
                    }
                }

                if (descriptor.ContextWindow is { } window && profile.EstimatedInputTokens > window)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"skipped: context window {window} < estimated {profile.EstimatedInputTokens} tokens");
                }
            }
        }

        if (profile.Operation == RouteOperations.Image
            && model is { } imageModel
            && SafeFindModel(provider.Id, imageModel) is { Capabilities: not ModelCapabilities.None } generator
            && !generator.Capabilities.HasFlag(ModelCapabilities.Image))
        {
            return "skipped: model does not generate images";
        }

        return null;
    }

    private List<RouteCandidate> Order(List<RouteCandidate> eligible, RequestProfile profile, RoutingStrategy strategy, RoutingOptions options, RouteExplanation explanation)
    {
        var ordered = strategy == RoutingStrategy.Auto
            ? OrderAuto(eligible, profile, options, out var detail)
            : Sort(eligible, profile, strategy, options, out detail);
        for (var i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            var text = EligibleRank(i + 1);
            explanation.Add(new RouteDecision(c.Provider.Id, c.Model, true, detail is null ? text : text + " (" + detail(c) + ")"));
        }

        return ordered;
    }

    /// <summary>Orders the eligible routes by one strategy (not <see cref="RoutingStrategy.Auto"/>), and says how each ranked.</summary>
    private List<RouteCandidate> Sort(List<RouteCandidate> eligible, RequestProfile profile, RoutingStrategy strategy, RoutingOptions options, out Func<RouteCandidate, string>? detail)
    {
        List<RouteCandidate> ordered;
        detail = null;
        switch (strategy)
        {
            case RoutingStrategy.LocalFirst:
                ordered = [.. eligible.OrderBy(c => c.Provider.IsLocal ? 0 : 1).ThenBy(c => c.Rank)];
                detail = c => c.Provider.IsLocal ? "local" : "cloud";
                break;
            case RoutingStrategy.Cheapest:
                var costs = eligible.ToDictionary(c => c, c => EstimateCost(c, profile));
                ordered = [.. eligible.OrderBy(c => costs[c] ?? decimal.MaxValue).ThenBy(c => c.Rank)];
                detail = c => costs[c] is { } cost ? string.Create(CultureInfo.InvariantCulture, $"estimated {cost:0.########} USD") : "unpriced";
                break;
            case RoutingStrategy.Fastest:
                var speeds = eligible.ToDictionary(c => c, c => c.State.Speed(profile.Streaming));
                ordered = [.. eligible.OrderBy(c => speeds[c]).ThenBy(c => c.Rank)];
                detail = c => speeds[c] == double.MaxValue ? "not measured yet" : string.Create(CultureInfo.InvariantCulture, $"average {speeds[c]:0} ms");
                break;
            case RoutingStrategy.LeastBusy:
                var busy = eligible.ToDictionary(c => c, c => c.State.InFlight);
                ordered = [.. eligible.OrderBy(c => busy[c]).ThenBy(c => c.Rank)];
                detail = c => string.Create(CultureInfo.InvariantCulture, $"{busy[c]} in flight");
                break;
            case RoutingStrategy.BestForTask:
                var preferred = PreferredFor(profile.Task, options);
                var fit = eligible.ToDictionary(c => c, c => TaskRank(c, profile.Task, preferred));
                ordered = [.. eligible.OrderBy(c => fit[c]).ThenBy(c => c.Rank)];
                detail = c => fit[c] == int.MaxValue ? "no match for task '" + profile.Task + "'" : "good at '" + profile.Task + "'";
                break;
            case RoutingStrategy.Weighted:
                var keys = eligible.ToDictionary(c => c, c => WeightedKey(c, options));
                ordered = [.. eligible.OrderBy(c => keys[c]).ThenBy(c => c.Rank)];
                detail = c => string.Create(CultureInfo.InvariantCulture, $"weight {Weight(c, options):0.###}");
                break;
            default:
                ordered = IsRankOrdered(eligible) ? eligible : [.. eligible.OrderBy(c => c.Rank)];
                break;
        }

        return ordered;
    }

    private static readonly string[] EligibleRanks = [.. Enumerable.Range(1, 16).Select(r => string.Create(CultureInfo.InvariantCulture, $"eligible, rank {r}"))];

    private static readonly string[] ServedBy = [.. Enumerable.Range(1, 16).Select(n => string.Create(CultureInfo.InvariantCulture, $"attempt {n} served the request"))];

    /// <summary>The reason of the <paramref name="rank"/>-th eligible route (cached for the usual handful of routes).</summary>
    internal static string EligibleRank(int rank) =>
        rank >= 1 && rank <= EligibleRanks.Length ? EligibleRanks[rank - 1] : string.Create(CultureInfo.InvariantCulture, $"eligible, rank {rank}");

    /// <summary>The reason recorded when attempt <paramref name="number"/> served the request (cached for small numbers).</summary>
    internal static string Served(int number) =>
        number >= 1 && number <= ServedBy.Length ? ServedBy[number - 1] : string.Create(CultureInfo.InvariantCulture, $"attempt {number} served the request");

    private static bool IsRankOrdered(List<RouteCandidate> candidates)
    {
        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].Rank < candidates[i - 1].Rank)
            {
                return false;
            }
        }

        return true;
    }

    private decimal? EstimateCost(RouteCandidate candidate, RequestProfile profile)
    {
        if (candidate.EffectiveModel is not { } model)
        {
            return candidate.Provider.IsLocal ? 0m : null;
        }

        try
        {
            // Speech is priced per unit: a transcription of unknown length is compared per audio minute, speech by its characters.
            var minutes = profile.AudioMinutes ?? (profile.Operation == RouteOperations.SpeechToText ? 1d : null);
            return Accounting.EstimateCost(candidate.Provider.Id, model, profile.EstimatedInputTokens, profile.MaxOutputTokens ?? 256, minutes, profile.Characters, profile.Images, profile.ImageVariant)
                ?? (candidate.Provider.IsLocal ? 0m : null);
        }
#pragma warning disable CA1031 // A failing estimate only makes a route unpriced.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// The providers (or <c>provider/model</c> pins) preferred for <paramref name="task"/>, best first: the configured list, else
    /// the registered providers whose definitions carry the task tag, in registration order. Computed once per plan.
    /// </summary>
    private IReadOnlyList<string> PreferredFor(string? task, RoutingOptions options) =>
        task is null ? []
        : options.Tasks.TryGetValue(task, out var configured) ? configured
        : TaskTagged(task);

    private int TaskRank(RouteCandidate candidate, string? task, IReadOnlyList<string> list)
    {
        if (task is null)
        {
            return int.MaxValue;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (MatchesRouteEntry(list[i], candidate))
            {
                return i;
            }
        }

        var descriptor = candidate.EffectiveModel is { } model ? SafeFindModel(candidate.Provider.Id, model) : null;
        return descriptor?.Tasks.Contains(task, StringComparer.OrdinalIgnoreCase) == true ? list.Count : int.MaxValue;
    }

    /// <summary>The providers whose definitions tag <paramref name="task"/> (<see cref="ProviderDescriptor.TaskTags"/>), in registration order.</summary>
    private string[] TaskTagged(string task) =>
        Providers.Where(p => p.Registration.Descriptor.TaskTags.Contains(task, StringComparer.OrdinalIgnoreCase)).Select(p => p.Id).ToArray();

    /// <summary>Splits a configured route entry, <c>provider</c> or <c>provider/model</c>, into its provider id and model (<see langword="null"/> when none).</summary>
    internal static (string ProviderId, string? Model) SplitRouteEntry(string entry)
    {
        var cut = entry.IndexOf('/', StringComparison.Ordinal);
        return cut > 0 ? (entry[..cut], cut == entry.Length - 1 ? null : entry[(cut + 1)..]) : (entry, null);
    }

    /// <summary>
    /// Tells whether a configured route entry (task lists, tier pools) names the candidate: its provider id, or
    /// <c>provider/model</c> with the candidate's effective model, case-insensitively and without building the string.
    /// </summary>
    internal static bool MatchesRouteEntry(string entry, RouteCandidate candidate)
    {
        var provider = candidate.Provider.Id;
        if (string.Equals(entry, provider, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var model = candidate.EffectiveModel ?? string.Empty;
        return entry.Length == provider.Length + 1 + model.Length
            && entry[provider.Length] == '/'
            && entry.StartsWith(provider, StringComparison.OrdinalIgnoreCase)
            && entry.AsSpan(provider.Length + 1).Equals(model, StringComparison.OrdinalIgnoreCase);
    }

    private static double Weight(RouteCandidate candidate, RoutingOptions options) =>
        options.Weights.TryGetValue(candidate.Provider.Id + "/" + candidate.EffectiveModel, out var w) ? w
        : options.Weights.TryGetValue(candidate.Provider.Id, out w) ? w : 1.0;

    private double WeightedKey(RouteCandidate candidate, RoutingOptions options)
    {
        var weight = Weight(candidate, options);
        if (weight <= 0)
        {
            return double.MaxValue;
        }

        // Exponential race: -ln(U)/w; the smallest key goes first, so each route leads with probability w / sum(w).
        var u = Math.Clamp(Random.Next(), double.Epsilon, 1.0 - 1e-12);
        return -Math.Log(1.0 - u) / weight;
    }

    internal ModelDescriptor? SafeFindModel(string providerId, string modelId)
    {
        try
        {
            return Accounting.FindModel(providerId, modelId);
        }
#pragma warning disable CA1031 // Catalog lookups are advisory.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Gets the identity of the vectors a route produces: its model, or the provider's default model.</summary>
    internal static string ModelIdentity(ProviderRuntime provider, string? model) => model ?? (provider.Id + "/(default)");
}
