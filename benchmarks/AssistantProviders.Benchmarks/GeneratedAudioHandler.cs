// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;

namespace AssistantProviders.Benchmarks;

/// <summary>Answers every request with <paramref name="length"/> bytes of generated <c>audio/mpeg</c>, produced as it is read.</summary>
internal sealed class GeneratedAudioHandler(long length) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new GeneratedAudioStream(length, wavHeader: false), 16 * 1024);
        content.Headers.TryAddWithoutValidation("Content-Type", "audio/mpeg");
        content.Headers.ContentLength = length;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }
}
