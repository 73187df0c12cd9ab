// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

public sealed class ProviderEndpointPolicyTests
{
    [Theory]
    [InlineData("https://api.openai.com/v1/", ProviderLocality.Cloud)]
    [InlineData("http://127.0.0.1:1234/v1/", ProviderLocality.Cloud)]
    [InlineData("http://localhost:8080/", ProviderLocality.Cloud)]
    [InlineData("http://[::1]:11434/", ProviderLocality.Cloud)]
    [InlineData("http://192.168.1.20:1234/v1/", ProviderLocality.Local)]
    [InlineData("http://gpu-box.lan:8080/v1/", ProviderLocality.Local)]
    public void Allowed(string uri, ProviderLocality locality)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(uri), locality, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", ProviderLocality.Cloud)]
    [InlineData("http://169.254.169.254/", ProviderLocality.Local)]
    [InlineData("https://169.254.169.254/", ProviderLocality.Cloud)]
    [InlineData("http://metadata.google.internal/", ProviderLocality.Local)]
    [InlineData("http://100.100.100.200/", ProviderLocality.Local)]
    [InlineData("http://[fe80::1]/", ProviderLocality.Local)]
    [InlineData("file:///etc/passwd", ProviderLocality.Local)]
    [InlineData("ftp://example.com/", ProviderLocality.Cloud)]
    [InlineData("http://api.groq.com/openai/v1/", ProviderLocality.Cloud)]
    [InlineData("http://192.168.1.20:1234/v1/", ProviderLocality.Cloud)]
    [InlineData("https://user:pass@api.example.com/", ProviderLocality.Cloud)]
    public void Rejected(string uri, ProviderLocality locality)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(uri), locality, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void NullAndRelative_AreRejected()
    {
        ProviderEndpointPolicy.IsAllowed(null, ProviderLocality.Cloud, out _).ShouldBeFalse();
        ProviderEndpointPolicy.IsAllowed(new Uri("/v1/", UriKind.Relative), ProviderLocality.Local, out _).ShouldBeFalse();
    }

    [Fact]
    public void Transport_RejectsHttpToCloud_AtConstruction()
    {
        var options = new Support.TestOptions { Endpoint = new Uri("http://api.test.example/v1/") };
        var ex = Should.Throw<ArgumentException>(() => new ProviderTransport(Support.TestWire.Descriptor(), options, null, null));
        ex.Message.ShouldContain("http");
    }
}
