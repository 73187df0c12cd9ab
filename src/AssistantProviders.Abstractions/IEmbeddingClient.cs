// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>
/// A text embedding client: <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of <see cref="string"/> to
/// <see cref="Embedding{T}"/> of <see cref="float"/>. The embedding router implements it.
/// </summary>
public interface IEmbeddingClient : IEmbeddingGenerator<string, Embedding<float>>
{
}
