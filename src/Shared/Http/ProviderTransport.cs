// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Shared;

/// <summary>
/// The HTTP plumbing every provider shares: endpoint, key check, auth per try, time limits, error mapping, body caps.
/// No retries: the router is the only retry owner.
/// </summary>
internal sealed class ProviderTransport : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Action<HttpRequestMessage, string>? _applyAuth;

    public ProviderTransport(
        ProviderDescriptor descriptor,
        ProviderClientOptions options,
        HttpClient? httpClient,
        Action<HttpRequestMessage, string>? applyAuth,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(options);
        Descriptor = descriptor;
        Options = options;
        Logger = logger ?? NullLogger.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _applyAuth = applyAuth;

        var endpoint = options.Endpoint ?? descriptor.DefaultEndpoint
            ?? throw new ArgumentException($"No endpoint is configured for {descriptor.DisplayName}.", nameof(options));
        if (!ProviderEndpointPolicy.IsAllowed(endpoint, descriptor.Locality, out var error))
        {
            throw new ArgumentException($"{descriptor.DisplayName} endpoint rejected: {error}", nameof(options));
        }

        Endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AutomaticDecompression = DecompressionMethods.All,
            })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    public ProviderDescriptor Descriptor { get; }

    public ProviderClientOptions Options { get; }

    public Uri Endpoint { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the key requests are sent with (the first of the pool).</summary>
    public ApiKey? Key => Options.ApiKey ?? (Options.ApiKeys.Count > 0 ? Options.ApiKeys[0] : null);

    /// <summary>Gets the model to use: the request's, else the options' default, else the vendor default.</summary>
    public string ResolveModel(string? requested) =>
        !string.IsNullOrWhiteSpace(requested) ? requested
        : !string.IsNullOrWhiteSpace(Options.DefaultModel) ? Options.DefaultModel
        : Descriptor.DefaultModel ?? throw new InvalidOperationException($"No model was given and {Descriptor.DisplayName} has no default model.");

    public Uri Resolve(string relativePath) => new(Endpoint, relativePath);

    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// Sends a request and returns the successful response with its body unread. Errors become typed exceptions. With two or more
    /// keys (<see cref="ApiKeyPool"/>), a 401/402/429 resends the same request once per other healthy key (<see cref="KeyRotation"/>).
    /// </summary>
    public Task<ProviderResponse> SendAsync(HttpRequestMessage request, string? modelId, bool streaming, CancellationToken cancellationToken) =>
        ApiKeyPool.For(Options) is { } pool
            ? KeyRotation.SendAsync(this, pool, request, modelId, streaming, cancellationToken)
            : SendWithKeyAsync(request, Key, modelId, streaming, cancellationToken);

    /// <summary>Sends a request with one given key (no rotation).</summary>
    public async Task<ProviderResponse> SendWithKeyAsync(HttpRequestMessage request, ApiKey? key, string? modelId, bool streaming, CancellationToken cancellationToken)
    {
        if (Descriptor.RequiresApiKey && key is null)
        {
            request.Dispose();
            throw MissingKey(modelId);
        }

        if (key is not null && _applyAuth is not null)
        {
            _applyAuth(request, key.Reveal());
        }

        var limit = streaming ? Options.MaxStreamDuration : Options.Timeout;
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit > TimeSpan.Zero && limit != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(limit);
        }

        HttpResponseMessage response;
        try
        {
            SharedLog.Sending(Logger, Descriptor.Id, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, modelId);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            timeout.Dispose();
            throw TimeoutError(modelId, limit, ex);
        }
        catch (HttpRequestException ex)
        {
            timeout.Dispose();
            throw NetworkError(modelId, ex);
        }
        catch
        {
            timeout.Dispose();
            throw;
        }
        finally
        {
            request.Dispose();
        }

        if (!response.IsSuccessStatusCode)
        {
            try
            {
                var body = await ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
                var error = ProviderErrorMapper.FromHttp(Descriptor, (int)response.StatusCode, response.Headers, body, modelId, key, TimeProvider.GetUtcNow());
                SharedLog.Failed(Logger, Descriptor.Id, (int)response.StatusCode, error.ErrorCode, error.RequestId);
                throw error;
            }
            finally
            {
                response.Dispose();
                timeout.Dispose();
            }
        }

        return new ProviderResponse(
            response,
            timeout,
            RetryAfterParser.ParseRateLimits(response.Headers, TimeProvider.GetUtcNow()),
            response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null,
            timeout.Token);
    }

    /// <summary>Sends a request and deserializes the JSON body, enforcing <see cref="ProviderClientOptions.MaxResponseBytes"/>.</summary>
    public async Task<(T Value, ProviderRateLimits? RateLimits)> SendForJsonAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, string? modelId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, modelId, streaming: false, cancellationToken).ConfigureAwait(false);
        var value = await ReadJsonAsync(response, typeInfo, modelId, cancellationToken).ConfigureAwait(false);
        return (value, response.RateLimits);
    }

    /// <summary>Reads and deserializes a JSON body under the size cap. Malformed JSON becomes <see cref="InvalidResponseException"/>.</summary>
    public async Task<T> ReadJsonAsync<T>(ProviderResponse response, JsonTypeInfo<T> typeInfo, string? modelId, CancellationToken cancellationToken)
    {
        try
        {
            if (response.Message.Content.Headers.ContentLength is { } length && length > Options.MaxResponseBytes)
            {
                throw new ResponseTooLargeException($"The {Descriptor.DisplayName} response declares {length} bytes, over the {Options.MaxResponseBytes}-byte limit (MaxResponseBytes).")
                {
                    ProviderId = Descriptor.Id,
                    ModelId = modelId,
                };
            }

            using var stream = OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, response.Token).ConfigureAwait(false);
            return value ?? throw InvalidResponse(modelId, "the body was JSON null", null);
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(modelId, "the body was not valid JSON", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && response.TimedOut)
        {
            throw TimeoutError(modelId, Options.Timeout, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new IncompleteStreamException($"The connection to {Descriptor.DisplayName} failed while reading the response body.", ex)
            {
                ProviderId = Descriptor.Id,
                ModelId = modelId,
                IsTransient = true,
            };
        }
    }

    /// <summary>Reads a whole body as bytes under the size cap (for audio and other binary responses).</summary>
    public async Task<byte[]> ReadBytesAsync(ProviderResponse response, string? modelId, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, response.Token).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && response.TimedOut)
        {
            throw TimeoutError(modelId, Options.Timeout, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new IncompleteStreamException($"The connection to {Descriptor.DisplayName} failed while reading the response body.", ex)
            {
                ProviderId = Descriptor.Id,
                ModelId = modelId,
                IsTransient = true,
            };
        }
    }

    /// <summary>Wraps a body stream with the response size cap.</summary>
    public Stream OpenLimited(Stream body) => new LimitedReadStream(body, Options.MaxResponseBytes, Descriptor.Id);

    public InvalidResponseException InvalidResponse(string? modelId, string what, Exception? inner) =>
        new($"{Descriptor.DisplayName} sent an invalid response: {what}.", inner)
        {
            ProviderId = Descriptor.Id,
            ModelId = modelId,
            IsTransient = true,
        };

    /// <summary>
    /// The end of every stream that closed without its terminator, written once: logs it and returns the
    /// <see cref="IncompleteStreamException"/> ("no data was received" or "it stopped after N units without the terminator").
    /// </summary>
    public IncompleteStreamException IncompleteStream(string? modelId, int received, string unit, string terminator, bool billed)
    {
        SharedLog.StreamIncomplete(Logger, Descriptor.Id, received);
        return Incomplete(modelId, received == 0 ? "no data was received" : $"it stopped after {received} {unit} without {terminator}", billed: billed);
    }

    public IncompleteStreamException Incomplete(string? modelId, string what, Exception? inner = null, bool billed = false) =>
        new($"The {Descriptor.DisplayName} stream ended before its terminator: {what}. The partial answer is not complete.", Scrubbed(inner))
        {
            ProviderId = Descriptor.Id,
            ModelId = modelId,
            IsTransient = true,
            MayHaveBeenBilled = billed,
        };

    public ProviderTimeoutException TimeoutError(string? modelId, TimeSpan limit, Exception? inner) =>
        new($"{Descriptor.DisplayName} did not answer within {limit.TotalSeconds:0.###} s.", Scrubbed(inner))
        {
            ProviderId = Descriptor.Id,
            ModelId = modelId,
            IsTransient = true,
        };

    /// <summary>The error for a vendor that needs a key when none is configured (HTTP and live sockets alike).</summary>
    public AuthenticationException MissingKey(string? modelId) =>
        new($"No API key is configured for {Descriptor.DisplayName}. Set the {Descriptor.ApiKeyEnvironmentVariable} environment variable (or .env entry) or {Descriptor.ApiKeyConfigPath}.")
        {
            Kind = ProviderErrorKind.NotConfigured,
            ProviderId = Descriptor.Id,
            ModelId = modelId,
        };

    /// <summary>Scrubs the configured keys from a text that may have come back from the vendor (a close reason, say).</summary>
    public string? Redact(string? text) => SecretRedactor.Redact(text, [Options.ApiKey, .. Options.ApiKeys]);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>A failed connection (HTTP or socket), its message and cause scrubbed of the keys.</summary>
    public AssistantProviderException NetworkError(string? modelId, Exception ex) =>
        new($"The connection to {Descriptor.DisplayName} failed: {SecretRedactor.Redact(ex.Message, [Options.ApiKey, .. Options.ApiKeys])}", Scrubbed(ex))
        {
            Kind = ProviderErrorKind.Network,
            IsTransient = true,
            ProviderId = Descriptor.Id,
            ModelId = modelId,
        };

    /// <summary>
    /// The cause to wrap (a transport, socket or stream error), with the configured keys scrubbed from every message in its
    /// chain: it can carry the request URI (with a <c>?key=</c>) or header text, and <c>ToString()</c> of the exception that
    /// wraps it prints the whole chain. A chain that holds no secret is returned as it is, stack traces included; one that does
    /// is rebuilt level by level (an <see cref="HttpRequestException"/> keeps its type, error and status).
    /// </summary>
    private Exception? Scrubbed(Exception? cause)
    {
        if (cause is null || cause is OperationCanceledException)
        {
            return cause;
        }

        var clean = true;
        for (var e = cause; e is not null && clean; e = e.InnerException)
        {
            clean = string.Equals(SecretRedactor.Redact(e.Message, [Options.ApiKey, .. Options.ApiKeys]), e.Message, StringComparison.Ordinal);
        }

        return clean ? cause : Rebuild(cause);

        Exception Rebuild(Exception e)
        {
            var inner = e.InnerException is { } next ? Rebuild(next) : null;
            var message = SecretRedactor.Redact(e.Message, [Options.ApiKey, .. Options.ApiKeys]);
            return e is HttpRequestException http
                ? new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode)
                : new IOException($"{e.GetType().Name}: {message}", inner);
        }
    }

    private static async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null;
        }
    }
}
