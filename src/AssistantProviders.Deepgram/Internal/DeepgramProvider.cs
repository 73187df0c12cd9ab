// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>What the Deepgram provider is.</summary>
internal static class DeepgramProvider
{
    public const string Id = "deepgram";
    public const string DisplayName = "Deepgram";
    public const string DefaultModel = "nova-3";
    public const string DefaultSpeechModel = "aura-2-thalia-en";

    /// <summary>Deepgram's limit for a pre-recorded file: 2 GB.</summary>
    public const long UploadLimitBytes = 2_000_000_000L;

    public static readonly Uri DefaultEndpoint = new("https://api.deepgram.com/");

    /// <summary>Deepgram's key goes in <c>Authorization: Token &lt;key&gt;</c>.</summary>
    public static readonly Action<HttpRequestMessage, string> Authenticate =
        static (request, key) => request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", key);

    /// <summary>The same header on the live socket's handshake.</summary>
    public static readonly Action<System.Net.WebSockets.ClientWebSocketOptions, string> AuthenticateSocket =
        static (socket, key) => socket.SetRequestHeader("Authorization", "Token " + key);

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.SpeechToText | ModelCapabilities.TextToSpeech | ModelCapabilities.Streaming,
        ComplianceTags = ["soc2", "hipaa-eligible"],
        Regions = ["us"],
        TaskTags = ["realtime"],
        ApiKeyEnvironmentVariable = "DEEPGRAM_API_KEY",
        BaseUrlEnvironmentVariable = "DEEPGRAM_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddDeepgram()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<DeepgramClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<DeepgramClientOptions>(
            typeof(DeepgramSpeechToTextClient), static (o, h, l, t) => new DeepgramSpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient), typeof(IModelDiscovery)),
        new ProviderClientFactory<DeepgramClientOptions>(
            typeof(DeepgramTextToSpeechClient), static (o, h, l, t) => new DeepgramTextToSpeechClient(o, h, l, t), typeof(ITextToSpeechClient)))
    {
        Authenticate = static _ => Authenticate,
    };

    /// <summary>The live socket base address: the configured one, or the REST endpoint with ws/wss.</summary>
    public static Uri StreamingEndpointFor(DeepgramClientOptions options, Uri restEndpoint)
    {
        var baseUri = options.StreamingEndpoint ?? restEndpoint;
        var socket = ProviderWebSocket.ToSocketUri(baseUri);
        return socket.AbsoluteUri.EndsWith('/') ? socket : new Uri(socket.AbsoluteUri + "/");
    }
}
