// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>What an <see cref="IPiiDetector"/> found in a request.</summary>
/// <param name="DataClass">The data class the content needs (<see cref="DataClass.Public"/> when nothing was found).</param>
/// <param name="Findings">The kinds found, for example <c>email</c>, <c>phone</c>, <c>card</c>, <c>us-ssn</c>; never the values.</param>
public sealed record PiiDetectionResult(DataClass DataClass, IReadOnlyList<string> Findings)
{
    /// <summary>Gets the result for content with nothing sensitive.</summary>
    public static PiiDetectionResult None { get; } = new(DataClass.Public, []);
}
