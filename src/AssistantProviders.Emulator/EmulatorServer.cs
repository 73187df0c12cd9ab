// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Emulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Emulator;

/// <summary>
/// A real Kestrel HTTP server on <c>127.0.0.1</c> that speaks the vendors' wire formats with deterministic canned answers and
/// scripted faults. Point a provider client's endpoint at <see cref="GetEndpoint(string)"/> (or the per-vendor properties).
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await EmulatorServer.StartAsync();
/// emulator.Faults.Add(new EmulatorFault { Vendor = "groq", Kind = FaultKind.Status429, RetryAfter = "2", Count = 3 });
/// var groqEndpoint = emulator.GroqEndpoint; // http://127.0.0.1:{port}/groq/openai/v1/
/// </code>
/// </example>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorDispatcher _dispatcher;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private int _stopped;

    private EmulatorServer(WebApplication app, EmulatorDispatcher dispatcher, EmulatorState state, EmulatorFaultCollection faults, CancellationTokenSource stopping, ILogger logger, Uri baseAddress)
    {
        _app = app;
        _dispatcher = dispatcher;
        _state = state;
        _stopping = stopping;
        _logger = logger;
        Faults = faults;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the root address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the OpenAI endpoint, <c>{BaseAddress}openai/v1/</c>.</summary>
    public Uri OpenAIEndpoint => GetOpenAICompatibleEndpoint("openai");

    /// <summary>Gets the Groq endpoint, <c>{BaseAddress}groq/openai/v1/</c>.</summary>
    public Uri GroqEndpoint => new(BaseAddress, "groq/openai/v1/");

    /// <summary>Gets the Ollama native endpoint, <c>{BaseAddress}ollama/</c> (the API lives under <c>api/</c>; <c>v1/</c> is OpenAI-compatible).</summary>
    public Uri OllamaEndpoint => new(BaseAddress, "ollama/");

    /// <summary>Gets the Anthropic endpoint, <c>{BaseAddress}anthropic/v1/</c>.</summary>
    public Uri AnthropicEndpoint => new(BaseAddress, "anthropic/v1/");

    /// <summary>Gets the Gemini endpoint, <c>{BaseAddress}gemini/v1beta/</c>.</summary>
    public Uri GeminiEndpoint => new(BaseAddress, "gemini/v1beta/");

    /// <summary>Gets the Cohere endpoint, <c>{BaseAddress}cohere/</c> (routes <c>v2/chat</c>, <c>v2/embed</c>, <c>v2/rerank</c>, <c>v1/models</c>).</summary>
    public Uri CohereEndpoint => new(BaseAddress, "cohere/");

    /// <summary>Gets the Deepgram endpoint, <c>{BaseAddress}deepgram/</c> (routes <c>v1/listen</c>, <c>v1/speak</c>, <c>v1/models</c>; live socket <c>v1/listen</c>).</summary>
    public Uri DeepgramEndpoint => new(BaseAddress, "deepgram/");

    /// <summary>Gets the ElevenLabs endpoint, <c>{BaseAddress}elevenlabs/</c> (routes <c>v1/text-to-speech/{voice_id}[/stream]</c>, <c>v1/speech-to-text</c>, <c>v1/voices</c>, <c>v1/models</c>; socket <c>v1/text-to-speech/{voice_id}/stream-input</c>).</summary>
    public Uri ElevenLabsEndpoint => new(BaseAddress, "elevenlabs/");

    /// <summary>Gets the AssemblyAI endpoint, <c>{BaseAddress}assemblyai/</c> (routes <c>v2/upload</c>, <c>v2/transcript</c>, <c>v2/transcript/{id}</c>; live socket <c>v3/ws</c>).</summary>
    public Uri AssemblyAIEndpoint => new(BaseAddress, "assemblyai/");

    /// <summary>Gets the Replicate endpoint, <c>{BaseAddress}replicate/</c> (routes <c>v1/models/{owner}/{name}/predictions</c>, <c>v1/predictions[/{id}[/cancel]]</c>, <c>v1/models</c>, <c>v1/account</c>; output files <c>files/…</c> and streams <c>stream/{id}</c>).</summary>
    public Uri ReplicateEndpoint => new(BaseAddress, "replicate/");

    /// <summary>
    /// Gets the Pinecone control and inference plane, <c>{BaseAddress}pinecone/</c> (routes <c>indexes</c>, <c>indexes/{name}</c>,
    /// <c>embed</c>, <c>rerank</c>); each index's data plane is the <c>host</c> its description returns, <c>{BaseAddress}pinecone/index/{name}/</c>.
    /// </summary>
    public Uri PineconeEndpoint => new(BaseAddress, "pinecone/");

    /// <summary>
    /// Gets the Weaviate endpoint, <c>{BaseAddress}weaviate/</c> (REST <c>v1/schema[/{class}[/tenants]]</c>, <c>v1/batch/objects</c>,
    /// <c>v1/objects/{class}/{id}</c>, <c>v1/meta</c>, and GraphQL <c>v1/graphql</c> Get queries; GraphQL errors come back HTTP 200).
    /// </summary>
    public Uri WeaviateEndpoint => new(BaseAddress, "weaviate/");

    /// <summary>Gets the Mistral endpoint, <c>{BaseAddress}mistral/v1/</c>.</summary>
    public Uri MistralEndpoint => GetOpenAICompatibleEndpoint("mistral");

    /// <summary>
    /// Gets the Hugging Face feature-extraction base, <c>{BaseAddress}huggingface/hf-inference/models/</c> (route
    /// <c>{model}/pipeline/feature-extraction</c>; the value of <c>HuggingFaceClientOptions.FeatureExtractionEndpoint</c>). Hugging Face
    /// chat is OpenAI-compatible: <c>GetOpenAICompatibleEndpoint("huggingface")</c>.
    /// </summary>
    public Uri HuggingFaceFeatureExtractionEndpoint => new(BaseAddress, "huggingface/hf-inference/models/");

    /// <summary>Gets the scripted faults; thread-safe and mutable while the server runs.</summary>
    public EmulatorFaultCollection Faults { get; }

    /// <summary>Gets the scripted chat answers per vendor id; thread-safe and mutable while the server runs.</summary>
    public IDictionary<string, string> Answers => _state.Answers;

    /// <summary>Gets a snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _dispatcher.Requests;

    /// <summary>Gets a snapshot of the request count per route, keyed <c>"{METHOD} {path}"</c> (for example <c>"POST /groq/openai/v1/chat/completions"</c>).</summary>
    public IReadOnlyDictionary<string, int> RouteCounts => _dispatcher.RouteCounts;

    /// <summary>Starts an emulator on <c>127.0.0.1</c>.</summary>
    /// <param name="options">The options; <see langword="null"/> = defaults (free port, no key, canned answers).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server. Dispose it to stop it.</returns>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.EmbeddingDimensions);

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<EmulatorServer>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var state = new EmulatorState(options);
        var faults = new EmulatorFaultCollection();
        foreach (var fault in options.Faults)
        {
            faults.Add(fault);
        }

        var stopping = new CancellationTokenSource();
        WebApplication? app = null;
        try
        {
            app = builder.Build();
            var dispatcher = new EmulatorDispatcher(options, state, faults, logger, stopping.Token);
            app.UseWebSockets();
            app.Run(dispatcher.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
            Log.Started(logger, baseAddress);
            return new EmulatorServer(app, dispatcher, state, faults, stopping, logger, baseAddress);
        }
        catch
        {
            stopping.Dispose();
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Gets the base address of an OpenAI-compatible vendor id, <c>{BaseAddress}{vendorId}/v1/</c> (perplexity, together, fireworks, huggingface, lmstudio, mlx, emulator...).</summary>
    /// <param name="vendorId">The vendor id, used as the first path segment.</param>
    /// <returns>The endpoint.</returns>
    public Uri GetOpenAICompatibleEndpoint(string vendorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendorId);
        return new Uri(BaseAddress, Uri.EscapeDataString(vendorId.ToLowerInvariant()) + "/v1/");
    }

    /// <summary>Gets the endpoint a provider client with id <paramref name="vendorId"/> should use: the vendor's own wire format where the emulator has one, otherwise the OpenAI-compatible one.</summary>
    /// <param name="vendorId">The provider id (<c>groq</c>, <c>anthropic</c>, <c>gemini</c>, <c>ollama</c>, <c>cohere</c>, or any OpenAI-compatible id).</param>
    /// <returns>The endpoint.</returns>
    public Uri GetEndpoint(string vendorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendorId);
        return vendorId.ToLowerInvariant() switch
        {
            "groq" => GroqEndpoint,
            "ollama" => OllamaEndpoint,
            "anthropic" => AnthropicEndpoint,
            "gemini" => GeminiEndpoint,
            "cohere" => CohereEndpoint,
            "deepgram" => DeepgramEndpoint,
            "assemblyai" => AssemblyAIEndpoint,
            "elevenlabs" => ElevenLabsEndpoint,
            "replicate" => ReplicateEndpoint,
            "pinecone" => PineconeEndpoint,
            "weaviate" => WeaviateEndpoint,
            "fireworks" => new Uri(BaseAddress, "fireworks/inference/v1/"),
            _ => GetOpenAICompatibleEndpoint(vendorId),
        };
    }

    /// <summary>Gets how many requests a vendor id (the first path segment) has received.</summary>
    /// <param name="vendorId">The vendor id.</param>
    /// <returns>The count.</returns>
    public int GetRequestCount(string vendorId) => _dispatcher.CountFor(vendorId);

    /// <summary>Gets how many requests a route has received.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="path">The path, for example <c>/groq/openai/v1/chat/completions</c>.</param>
    /// <returns>The count.</returns>
    public int GetRouteCount(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var key = method.ToUpperInvariant() + " " + (path.StartsWith('/') ? path : "/" + path);
        return _dispatcher.RouteCounts.TryGetValue(key, out var count) ? count : 0;
    }

    /// <summary>Forgets the request log and the route counters.</summary>
    public void ClearRequests() => _dispatcher.ClearRequests();

    /// <summary>Stops the server: stalled answers end, open connections are closed.</summary>
    /// <param name="cancellationToken">Ends the graceful shutdown early.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        Log.Stopped(_logger, BaseAddress);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }
}
