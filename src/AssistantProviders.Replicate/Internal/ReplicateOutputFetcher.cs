// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using AssistantProviders.Shared;

namespace AssistantProviders.Replicate.Internal;

/// <summary>
/// Fetches what a prediction points at (output files on <c>replicate.delivery</c>, the <c>urls.stream</c> event source): an outbound
/// fetch of a URL the vendor chose, so it is checked like an endpoint (<see cref="ProviderEndpointPolicy"/>: https only, plain http
/// and loopback only when the configured endpoint is itself loopback, as for the emulator; private and link-local address literals
/// refused), sent without the API key, never redirected, bounded by <see cref="ProviderClientOptions.Timeout"/> on the injected
/// clock and capped at <see cref="ReplicateClientOptions.MaxOutputBytes"/>.
/// </summary>
internal sealed class ReplicateOutputFetcher : IDisposable
{
    private const int BufferSize = 81920;
    private readonly ProviderTransport _transport;
    private readonly ReplicateClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    public ReplicateOutputFetcher(ProviderTransport transport, ReplicateClientOptions options, HttpClient? httpClient)
    {
        _transport = transport;
        _options = options;
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
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

    /// <summary>Checks an output URL against the policy; the reason when refused.</summary>
    public string? Check(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "it is not an absolute URL";
        }

        if (!ProviderEndpointPolicy.IsAllowed(url, ProviderLocality.Cloud, out var error))
        {
            return error;
        }

        var loopbackAllowed = _transport.Endpoint.IsLoopback;
        if (url.IsLoopback && !loopbackAllowed)
        {
            return $"'{url.Host}' is a loopback address, allowed only when the Replicate endpoint is loopback (the emulator)";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !loopbackAllowed)
        {
            return "it uses plain http; output files are fetched over https only";
        }

        if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && !IPAddress.IsLoopback(ip) && IsPrivate(ip))
        {
            return $"'{url.Host}' is a private or reserved address";
        }

        return null;
    }

    /// <summary>Downloads one output file under the size cap; the bytes and their media type.</summary>
    public async Task<(byte[] Bytes, string MediaType)> DownloadAsync(Uri url, string? model, CancellationToken cancellationToken)
    {
        var limit = _options.MaxOutputBytes > 0 ? _options.MaxOutputBytes : long.MaxValue;
        using var response = await SendAsync(url, model, "*/*", cancellationToken).ConfigureAwait(false);
        if (response.Message.Content.Headers.ContentLength is { } length && length > limit)
        {
            throw ReplicateErrors.OutputTooLarge(limit, model);
        }

        byte[] bytes;
        try
        {
            using var body = await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[BufferSize];
            int read;
            while ((read = await body.ReadAsync(chunk, response.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw ReplicateErrors.OutputTooLarge(limit, model);
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw _transport.TimeoutError(model, _options.Timeout, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw _transport.Incomplete(model, "the output file download was cut", ex);
        }

        if (bytes.Length == 0)
        {
            throw _transport.InvalidResponse(model, "an output file was empty", null);
        }

        return (bytes, MediaTypeOf(response.Message.Content.Headers.ContentType?.MediaType, bytes, url));
    }

    /// <summary>Reads the output event stream: the text of each <c>output</c> event, until <c>done</c>; <c>error</c> is a typed error.</summary>
    public async IAsyncEnumerable<string> StreamAsync(Uri url, string? model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(url, model, "text/event-stream", cancellationToken, timeoutHeadersOnly: true).ConfigureAwait(false);
        using var body = await response.Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var events = 0;
        await foreach (var item in SseEventReader.ReadAsync(body, _transport, model, () => events, cancellationToken).ConfigureAwait(false))
        {
            switch (item.EventType)
            {
                case "output":
                    events++;
                    yield return item.Data;
                    break;
                case "error":
                    throw ProviderErrorMapper.FromEventData(_transport.Descriptor, item.Data, model, _transport.Key, unwrapError: true);
                case "done":
                    yield break;
                default:
                    break;
            }
        }

        throw _transport.IncompleteStream(model, events, "output events", "the done event", billed: true);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>The media type of an output: the response's when it names one, else the bytes' signature, else the file extension.</summary>
    internal static string MediaTypeOf(string? declared, ReadOnlySpan<byte> bytes, Uri url)
    {
        if (declared is { Length: > 0 } && !declared.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase) && !declared.StartsWith("binary/", StringComparison.OrdinalIgnoreCase))
        {
            return declared;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return "image/gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8))
        {
            if (bytes[8..12].SequenceEqual("WEBP"u8))
            {
                return "image/webp";
            }

            if (bytes[8..12].SequenceEqual("WAVE"u8))
            {
                return "audio/wav";
            }
        }

        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            ".wav" => "audio/wav",
            ".mp3" => "audio/mpeg",
            ".mp4" => "video/mp4",
            ".txt" => "text/plain",
            _ => "application/octet-stream",
        };
    }

    private static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = ip.GetAddressBytes();
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC || ip.Equals(IPAddress.IPv6Any);
        }

        var v4 = ip.GetAddressBytes();
        return v4[0] == 10 || v4[0] == 0 || (v4[0] == 172 && v4[1] >= 16 && v4[1] <= 31) || (v4[0] == 192 && v4[1] == 168) ||
            (v4[0] == 169 && v4[1] == 254) || (v4[0] == 100 && v4[1] >= 64 && v4[1] <= 127) || v4[0] >= 224;
    }

    /// <summary>Sends a keyless GET to a checked URL; a redirect (followed or not) is refused, an error status is typed.</summary>
    private async Task<FetchResponse> SendAsync(Uri url, string? model, string accept, CancellationToken cancellationToken, bool timeoutHeadersOnly = false)
    {
        if (Check(url) is { } refusal)
        {
            throw ReplicateErrors.OutputRefused(refusal, model);
        }

        var limit = _options.Timeout;
        var timer = limit > TimeSpan.Zero && limit != System.Threading.Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource(limit, _transport.TimeProvider)
            : new CancellationTokenSource();
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Dispose(timer, linked);
            throw _transport.TimeoutError(model, limit, ex);
        }
        catch (HttpRequestException ex)
        {
            Dispose(timer, linked);
            throw _transport.NetworkError(model, ex);
        }
        catch
        {
            Dispose(timer, linked);
            throw;
        }

        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 || (response.RequestMessage?.RequestUri is { } final && final != url))
        {
            response.Dispose();
            Dispose(timer, linked);
            throw ReplicateErrors.OutputRefused($"it redirected (HTTP {status}); redirects are not followed", model);
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = ProviderErrorMapper.FromHttp(_transport.Descriptor, status, response.Headers, null, model, null, _transport.TimeProvider.GetUtcNow());
            response.Dispose();
            Dispose(timer, linked);
            throw error;
        }

        if (timeoutHeadersOnly)
        {
            // A stream is bounded by the caller's MaxStreamDuration, not by the per-request Timeout.
            Dispose(timer, linked);
            return new FetchResponse(response, null, null, cancellationToken);
        }

        return new FetchResponse(response, timer, linked, linked.Token);
    }

    private static void Dispose(CancellationTokenSource timer, CancellationTokenSource linked)
    {
        linked.Dispose();
        timer.Dispose();
    }

    /// <summary>A fetched response whose body is unread, with the time limit that keeps running while it is read.</summary>
    private sealed class FetchResponse(HttpResponseMessage message, CancellationTokenSource? timer, CancellationTokenSource? linked, CancellationToken token) : IDisposable
    {
        public HttpResponseMessage Message { get; } = message;

        public CancellationToken Token { get; } = token;

        public void Dispose()
        {
            Message.Dispose();
            linked?.Dispose();
            timer?.Dispose();
        }
    }
}
