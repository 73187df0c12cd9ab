// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>One word as Deepgram sends it.</summary>
internal sealed class DeepgramWordDto
{
    public string? Word { get; set; }

    public string? PunctuatedWord { get; set; }

    public double? Start { get; set; }

    public double? End { get; set; }

    public double? Confidence { get; set; }

    public int? Speaker { get; set; }
}
