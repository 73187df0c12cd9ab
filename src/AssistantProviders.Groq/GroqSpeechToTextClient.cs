// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Groq;

/// <summary>
/// Groq <c>/audio/transcriptions</c> (Whisper) as an <see cref="ISpeechToTextClient"/> (experimental MEAI API, <c>MEAI001</c>).
/// Default model <c>whisper-large-v3-turbo</c>. <c>AdditionalProperties</c> keys <c>prompt</c>, <c>temperature</c>,
/// <c>response_format</c> and <c>file_name</c> are forwarded.
/// </summary>
public sealed class GroqSpeechToTextClient : DelegatingSpeechToTextClient
{
    /// <summary>Initializes a new instance of the <see cref="GroqSpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default transcription model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public GroqSpeechToTextClient(GroqClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal GroqSpeechToTextClient(GroqClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireSpeechToTextClient(
            GroqProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new GroqProfile(logger),
            options?.DefaultTranscriptionModel ?? GroqProvider.DefaultTranscriptionModel))
    {
    }
}
