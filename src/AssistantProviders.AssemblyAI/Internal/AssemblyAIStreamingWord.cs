// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>One word of a streaming <c>Turn</c>; times in milliseconds from the start of the stream.</summary>
internal sealed class AssemblyAIStreamingWord
{
    public string? Text { get; set; }

    public long? Start { get; set; }

    public long? End { get; set; }

    public double? Confidence { get; set; }

    public bool? WordIsFinal { get; set; }
}
