// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>One scored document in a <see cref="RerankResult"/>.</summary>
/// <param name="Index">The index of the document in the caller's input list.</param>
/// <param name="RelevanceScore">The vendor's relevance score; higher is more relevant.</param>
/// <param name="Document">The document text, when the caller's list is at hand.</param>
public sealed record RerankedDocument(int Index, double RelevanceScore, string? Document = null);
