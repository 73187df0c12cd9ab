// Licensed under the MIT License. See LICENSE in the project root.
namespace Rag;

/// <summary>A chunk with a score: its vector similarity to the question, or its rerank relevance.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">The score (higher is more relevant).</param>
internal sealed record ScoredChunk(DocChunk Chunk, double Score);
