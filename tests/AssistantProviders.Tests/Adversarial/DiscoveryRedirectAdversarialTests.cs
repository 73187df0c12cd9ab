// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Adversarial;

/// <summary>Discovery and endpoint checks: metadata addresses are refused however they are spelled, and the probe never follows a redirect.</summary>
public sealed class DiscoveryRedirectAdversarialTests
{
    [Theory]
    [InlineData("http://metadata.google.internal./")]
    [InlineData("http://METADATA.google.internal/")]
    [InlineData("http://ｍｅｔａｄａｔａ.google.internal/")]
    [InlineData("http://169.254.169.254/")]
    public void Metadata_hosts_are_refused_after_normalization(string endpoint)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(endpoint), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void An_Ollama_discovery_endpoint_at_the_metadata_address_fails_start_up()
    {
        var result = new ModelDiscoveryOptionsValidator().Validate(null, new ModelDiscoveryOptions { OllamaEndpoint = new Uri("http://169.254.169.254:11434") });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("OllamaEndpoint");
    }

    [Fact]
    public async Task The_probe_refuses_a_metadata_address_without_sending()
    {
        using var handler = new CountingHandler(HttpStatusCode.OK);
        using var http = new HttpClient(handler);
        var probe = new LocalModelProbe(http);

        await Should.ThrowAsync<InvalidOperationException>(probe.ListAsync(new ProbeTarget("ollama", new Uri("http://169.254.169.254"), "/api/tags"), TimeSpan.FromSeconds(5), CancellationToken.None));

        handler.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task The_probe_lists_nothing_from_a_redirect()
    {
        using var handler = new CountingHandler(HttpStatusCode.Found);
        using var http = new HttpClient(handler);
        var probe = new LocalModelProbe(http);

        await Should.ThrowAsync<HttpRequestException>(probe.ListAsync(new ProbeTarget("ollama", new Uri("http://127.0.0.1:11434"), "/api/tags"), TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task The_probe_refuses_an_answer_from_another_address_than_it_asked()
    {
        using var handler = new CountingHandler(HttpStatusCode.OK, redirectTo: new Uri("http://169.254.169.254/latest/meta-data"));
        using var http = new HttpClient(handler);
        var probe = new LocalModelProbe(http);

        await Should.ThrowAsync<InvalidOperationException>(probe.ListAsync(new ProbeTarget("ollama", new Uri("http://127.0.0.1:11434"), "/api/tags"), TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    private sealed class CountingHandler(HttpStatusCode status, Uri? redirectTo = null) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            if (redirectTo is not null)
            {
                request.RequestUri = redirectTo; // what a redirect-following handler reports
            }

            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("{\"models\":[{\"name\":\"stolen\"}]}") };
            if (status == HttpStatusCode.Found)
            {
                response.Headers.Location = new Uri("http://169.254.169.254/latest/meta-data");
            }

            return Task.FromResult(response);
        }
    }
}
