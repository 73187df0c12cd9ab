// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;

namespace AssistantProviders.Routing;

/// <summary>
/// The tier an <see cref="IRequestClassifier"/> put a request in, and why. Shown by the route explanation
/// (<see cref="RouteExplanation.Classification"/>). It never holds the request's content.
/// </summary>
public sealed class RequestClassification
{
    /// <summary>Initializes a new instance of the <see cref="RequestClassification"/> class.</summary>
    /// <param name="tier">The tier (<see cref="RequestTiers"/> or a user-defined one).</param>
    /// <param name="classifier">The classifier's name (<c>heuristic</c>, <c>semantic</c>, <c>hint</c> or your own).</param>
    /// <param name="score">The classifier's score (the heuristic's points, the semantic classifier's best similarity).</param>
    /// <param name="reasons">The signals that led to the tier, for example <c>code block</c> or <c>long input</c>.</param>
    public RequestClassification(string tier, string classifier, double score, IReadOnlyList<string> reasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tier);
        ArgumentException.ThrowIfNullOrWhiteSpace(classifier);
        ArgumentNullException.ThrowIfNull(reasons);
        Tier = tier;
        Classifier = classifier;
        Score = score;
        Reasons = reasons;
    }

    /// <summary>Gets the tier.</summary>
    public string Tier { get; }

    /// <summary>Gets the classifier's name.</summary>
    public string Classifier { get; }

    /// <summary>Gets the classifier's score.</summary>
    public double Score { get; }

    /// <summary>Gets the signals that led to the tier (empty when none fired).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the score of each tier, when the classifier compares tiers (the semantic classifier's best similarity per tier).</summary>
    public IReadOnlyDictionary<string, double>? TierScores { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("tier ").Append(Tier).Append(" by ").Append(Classifier)
            .Append(CultureInfo.InvariantCulture, $" (score {Score:0.###}");
        if (Reasons.Count > 0)
        {
            text.Append(": ").AppendJoin(", ", Reasons);
        }

        return text.Append(')').ToString();
    }
}
