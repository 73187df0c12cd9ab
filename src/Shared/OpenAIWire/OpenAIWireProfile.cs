// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The hooks through which an OpenAI-compatible vendor states its quirks without forking the codec: paths, usage streaming,
/// token-limit field, extra request fields and extra response data. Vendors derive a sealed profile; the default is plain OpenAI.
/// </summary>
internal class OpenAIWireProfile
{
    public static readonly OpenAIWireProfile Default = new();

    public virtual string ChatPath => "chat/completions";

    public virtual string EmbeddingsPath => "embeddings";

    public virtual string ModelsPath => "models";

    /// <summary>Gets a value indicating whether to send <c>stream_options.include_usage</c> (usage then arrives in a final chunk).</summary>
    public virtual bool IncludeStreamUsage => true;

    /// <summary>Gets a value indicating whether to send <c>max_completion_tokens</c> instead of <c>max_tokens</c>.</summary>
    public virtual bool UseMaxCompletionTokens => false;

    /// <summary>Gets a value indicating whether the stream must end with <c>data: [DONE]</c>. When false, a chunk with a finish reason ends it.</summary>
    public virtual bool RequireDoneSentinel => true;

    /// <summary>Gets a value indicating whether the vendor supports <c>parallel_tool_calls</c>.</summary>
    public virtual bool SupportsParallelToolCalls => true;

    /// <summary>Adds vendor fields to the request (read from <see cref="ChatOptions.AdditionalProperties"/> under the vendor's public keys).</summary>
    public virtual void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
    }

    /// <summary>Maps vendor extras of a whole response (citations, timing) onto the MEAI response.</summary>
    public virtual void OnResponse(WireChatResponse wire, ChatResponse response)
    {
    }

    /// <summary>Maps vendor extras of one chunk onto the update (called after the standard mapping).</summary>
    public virtual void OnChunk(WireChatResponse wire, ChatResponseUpdate update, OpenAIWireStreamState state)
    {
    }

    /// <summary>Adds vendor fields to an embeddings request.</summary>
    public virtual void ConfigureEmbeddingRequest(WireEmbeddingRequest request, EmbeddingGenerationOptions? options)
    {
    }
}
