// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>What a model (or provider) can do.</summary>
[Flags]
public enum ModelCapabilities
{
    /// <summary>Nothing known.</summary>
    None = 0,

    /// <summary>Chat completions.</summary>
    Chat = 1 << 0,

    /// <summary>Streamed chat completions.</summary>
    Streaming = 1 << 1,

    /// <summary>Function / tool calling.</summary>
    Tools = 1 << 2,

    /// <summary>Image input.</summary>
    Vision = 1 << 3,

    /// <summary>JSON mode or structured output.</summary>
    Json = 1 << 4,

    /// <summary>Text embeddings.</summary>
    Embeddings = 1 << 5,

    /// <summary>Speech-to-text.</summary>
    SpeechToText = 1 << 6,

    /// <summary>Text-to-speech.</summary>
    TextToSpeech = 1 << 7,

    /// <summary>Image generation.</summary>
    Image = 1 << 8,

    /// <summary>Document reranking.</summary>
    Rerank = 1 << 9,
}
