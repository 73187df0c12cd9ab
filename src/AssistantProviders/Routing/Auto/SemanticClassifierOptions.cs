// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// Settings of the semantic classifier, bound from <c>AssistantProviders:Routing:Auto:Semantic</c>. It embeds the last user
/// message through the routed embedding generator and compares it (cosine similarity) with example utterances per tier.
/// </summary>
#pragma warning disable CA1002, CA2227 // Bindable configuration shape: concrete, settable collections.
public sealed class SemanticClassifierOptions
{
    /// <summary>
    /// Gets or sets the example utterances of each tier, for example <c>Semantic:Examples:reasoning = ["Prove that …"]</c>.
    /// The semantic classifier is used only when at least one tier has an example. The examples are embedded once, on first use.
    /// </summary>
    public Dictionary<string, List<string>> Examples { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the least similarity (0–1) that picks a tier. Below it, <see cref="DefaultTier"/> applies. Default 0.75.</summary>
    public double Threshold { get; set; } = 0.75;

    /// <summary>Gets or sets the tier below the threshold, or <see langword="null"/> (the default) for the heuristic classifier's tier.</summary>
    public string? DefaultTier { get; set; }

    /// <summary>Gets or sets the embedding model (<c>provider/model</c>, a bare id or an alias) the messages are embedded with, or <see langword="null"/> for the router's choice.</summary>
    public string? Model { get; set; }
}
#pragma warning restore CA1002, CA2227
