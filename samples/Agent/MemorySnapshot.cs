// Licensed under the MIT License. See LICENSE in the project root.
namespace AgentSample;

/// <summary>The memory file: the embedding model and size its vectors came from, and the records.</summary>
/// <param name="EmbeddingModel">The <c>provider/model</c> that embedded the records.</param>
/// <param name="Dimensions">The vector size.</param>
/// <param name="Records">The records, oldest first.</param>
internal sealed record MemorySnapshot(string EmbeddingModel, int Dimensions, List<MemoryRecord> Records);
