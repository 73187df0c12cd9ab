// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A citation: the cited span of the answer (<c>start</c>/<c>end</c>) and its sources.</summary>
internal sealed class CohereCitation
{
    public int? Start { get; set; }

    public int? End { get; set; }

    public string? Text { get; set; }

    public List<CohereSource>? Sources { get; set; }

    public int? ContentIndex { get; set; }

    public string? Type { get; set; }
}
