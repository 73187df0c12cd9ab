// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI;

/// <summary>
/// OpenAI <c>/audio/speech</c> as an <see cref="ITextToSpeechClient"/> (experimental MEAI API, <c>MEAI001</c>): the audio comes
/// back as one <see cref="DataContent"/>. Default model <c>gpt-4o-mini-tts</c>, voice <c>alloy</c>, format mp3.
/// </summary>
public sealed class OpenAITextToSpeechClient : DelegatingTextToSpeechClient
{
    /// <summary>Initializes a new instance of the <see cref="OpenAITextToSpeechClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default speech model and voice).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OpenAITextToSpeechClient(OpenAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OpenAITextToSpeechClient(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireTextToSpeechClient(
            OpenAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider),
            new OpenAIProfile(logger),
            options?.DefaultSpeechModel ?? OpenAIProvider.DefaultSpeechModel,
            options?.DefaultVoice ?? OpenAIProvider.DefaultVoice))
    {
    }
}
