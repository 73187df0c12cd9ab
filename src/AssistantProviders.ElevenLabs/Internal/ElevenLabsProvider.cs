// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>What the ElevenLabs provider is.</summary>
internal static class ElevenLabsProvider
{
    public const string Id = "elevenlabs";
    public const string DisplayName = "ElevenLabs";
    public const string DefaultModel = "eleven_multilingual_v2";
    public const string DefaultMultilingualModel = "eleven_multilingual_v2";
    public const string DefaultTranscriptionModel = "scribe_v1";
    public const string DefaultVoiceId = "21m00Tcm4TlvDq8ikWAM";
    public const string DefaultOutputFormat = "mp3_44100_128";
    public const string KeyHeader = "xi-api-key";

    /// <summary>ElevenLabs' limit for a file sent to <c>/v1/speech-to-text</c>: 5 GB.</summary>
    public const long UploadLimitBytes = 5_000_000_000L;

    public static readonly Uri DefaultEndpoint = new("https://api.elevenlabs.io/");

    /// <summary>The key goes in <c>xi-api-key</c> on every request.</summary>
    public static readonly Action<HttpRequestMessage, string> Authenticate = ProviderAuth.Header(KeyHeader);

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.TextToSpeech | ModelCapabilities.SpeechToText | ModelCapabilities.Streaming,
        ComplianceTags = ["soc2", "gdpr"],
        Regions = ["us", "eu"],
        TaskTags = ["realtime", "multilingual"],
        ApiKeyEnvironmentVariable = "ELEVENLABS_API_KEY",
        BaseUrlEnvironmentVariable = "ELEVENLABS_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddElevenLabs()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<ElevenLabsClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<ElevenLabsClientOptions>(
            typeof(ElevenLabsTextToSpeechClient), static (o, h, l, t) => new ElevenLabsTextToSpeechClient(o, h, l, t), typeof(ITextToSpeechClient), typeof(IModelDiscovery)),
        new ProviderClientFactory<ElevenLabsClientOptions>(
            typeof(ElevenLabsSpeechToTextClient), static (o, h, l, t) => new ElevenLabsSpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient)))
    {
        Authenticate = static _ => Authenticate,
    };

    /// <summary>The base address of the live socket: the configured one, or the REST endpoint with ws/wss.</summary>
    public static Uri StreamingBaseFor(ElevenLabsClientOptions options, Uri restEndpoint)
    {
        var source = options.StreamingEndpoint ?? restEndpoint;
        var socket = source.Scheme is "ws" or "wss" ? source : ProviderWebSocket.ToSocketUri(source);
        return socket.AbsoluteUri.EndsWith('/') ? socket : new Uri(socket.AbsoluteUri + "/");
    }
}
