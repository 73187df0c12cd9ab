// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Benchmarks;

/// <summary>Passes requests on and keeps the last response body and content type, so it can be replayed in memory.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public byte[] LastBody { get; private set; } = [];

    public string LastContentType { get; private set; } = string.Empty;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        LastBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        LastContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var replay = new ByteArrayContent(LastBody);
        foreach (var header in response.Content.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replay;
        return response;
    }
}
