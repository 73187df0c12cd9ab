// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;

namespace AssistantProviders.Benchmarks;

/// <summary>Returns a fixed body for every request, with no network: isolates parse + map cost.</summary>
internal sealed class StaticResponseHandler(byte[] body, string contentType) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return Task.FromResult(response);
    }
}
