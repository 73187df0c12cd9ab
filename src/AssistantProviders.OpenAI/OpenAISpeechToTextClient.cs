// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI;

/// <summary>
/// OpenAI <c>/audio/transcriptions</c> as an <see cref="ISpeechToTextClient"/> (experimental MEAI API, <c>MEAI001</c>).
/// Default model <c>whisper-1</c>; knobs under <see cref="OpenAIPropertyNames"/>.
/// </summary>
public sealed class OpenAISpeechToTextClient : DelegatingSpeechToTextClient
{
    /// <summary>Initializes a new instance of the <see cref="OpenAISpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default transcription model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OpenAISpeechToTextClient(OpenAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OpenAISpeechToTextClient(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireSpeechToTextClient(
            OpenAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new OpenAIProfile(logger),
            options?.DefaultTranscriptionModel ?? OpenAIProvider.DefaultTranscriptionModel))
    {
    }
}
