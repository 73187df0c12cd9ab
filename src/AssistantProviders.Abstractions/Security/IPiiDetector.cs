// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// Looks at the text of a request before it is routed and may raise its <see cref="DataClass"/> (never lower it). Register
/// one in DI to enable it; the engine ships a regex-based detector (<c>RegexPiiDetector</c>).
/// </summary>
public interface IPiiDetector
{
    /// <summary>Inspects text for personal or sensitive data.</summary>
    /// <param name="text">The text of the request (all messages, joined).</param>
    /// <returns>The data class the text needs and what was found (kinds only, never the values).</returns>
    PiiDetectionResult Detect(string text);
}
