// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator;

/// <summary>Options of an <see cref="EmulatorServer"/>. They are copied when the server starts; change answers and faults at run time through the server.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Gets or sets the loopback port to listen on; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the API key every request must carry (as <c>Authorization: Bearer</c>, <c>x-api-key</c>, <c>x-goog-api-key</c>,
    /// <c>api-key</c> or <c>?key=</c>). When set, a request without it gets the vendor's 401. <see langword="null"/> (the default) accepts any request.
    /// </summary>
    public string? ExpectedApiKey { get; set; }

    /// <summary>Gets or sets the chat answer of every vendor without an entry in <see cref="Answers"/>.</summary>
    public string DefaultAnswer { get; set; } = EmulatorDefaults.AnswerText;

    /// <summary>Gets the scripted chat answer per vendor id (for example <c>Answers["groq"] = "..."</c>).</summary>
    public IDictionary<string, string> Answers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the models each vendor lists, per vendor id. A vendor without an entry lists <see cref="EmulatorDefaults.Models"/>.</summary>
    public IDictionary<string, IList<string>> Models { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the faults scripted from the start (copied into <see cref="EmulatorServer.Faults"/>).</summary>
    public IList<EmulatorFault> Faults { get; } = [];

    /// <summary>Gets or sets the embedding size when the request does not ask for one.</summary>
    public int EmbeddingDimensions { get; set; } = EmulatorDefaults.EmbeddingDimensions;

    /// <summary>
    /// Gets or sets a value indicating whether embeddings are bag-of-words vectors, so that texts sharing words are near each other
    /// (cosine) and a vector search over emulated embeddings finds the texts that share the query's words, as retrieval (RAG) needs.
    /// <see langword="false"/> (the default): each text gets a vector derived from a hash of the whole text, so different texts are
    /// unrelated. Applies to the OpenAI-compatible, Cohere, Gemini, Ollama and Hugging Face embedding routes.
    /// </summary>
    public bool LexicalEmbeddings { get; set; }

    /// <summary>Gets or sets the largest request body kept in <see cref="EmulatorServer.Requests"/>, in bytes (64 KiB by default).</summary>
    public int MaxLoggedBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the time provider used by <see cref="FaultKind.StallAfterChunks"/> stalls; <see langword="null"/> (the default) = <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the logger factory of the server and of Kestrel; <see langword="null"/> (the default) logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
