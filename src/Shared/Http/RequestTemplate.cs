// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// A buffered copy of an <see cref="HttpRequestMessage"/> (method, URI, version, headers, content bytes and content headers), so the
/// same request can be sent again with another key. Built before the auth header is applied.
/// </summary>
internal sealed class RequestTemplate
{
    private readonly HttpMethod _method;
    private readonly Uri? _uri;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private readonly KeyValuePair<string, string[]>[] _headers;
    private readonly byte[]? _content;
    private readonly KeyValuePair<string, string[]>[] _contentHeaders;

    private RequestTemplate(HttpRequestMessage request, byte[]? content)
    {
        _method = request.Method;
        _uri = request.RequestUri;
        _version = request.Version;
        _versionPolicy = request.VersionPolicy;
        _headers = [.. request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray()))];
        _content = content;
        // Content-Length is recomputed by the new content.
        _contentHeaders = request.Content is null ? [] : [.. request.Content.Headers
            .Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray()))];
    }

    /// <summary>Reads the content of <paramref name="request"/> into memory (so a stream body can be sent more than once).</summary>
    public static async Task<RequestTemplate> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RequestTemplate(request, content);
    }

    /// <summary>Creates a fresh request with the same method, URI, headers and body bytes.</summary>
    public HttpRequestMessage Create()
    {
        var request = new HttpRequestMessage(_method, _uri) { Version = _version, VersionPolicy = _versionPolicy };
        foreach (var (name, values) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, values);
        }

        if (_content is not null)
        {
            var content = new ByteArrayContent(_content);
            foreach (var (name, values) in _contentHeaders)
            {
                content.Headers.TryAddWithoutValidation(name, values);
            }

            request.Content = content;
        }

        return request;
    }
}
