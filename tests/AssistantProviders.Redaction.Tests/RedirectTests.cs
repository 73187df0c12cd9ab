// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Anthropic;
using AssistantProviders.Groq;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redaction.Tests;

/// <summary>A 302 to another loopback host (127.0.0.2) must never carry the key.</summary>
public sealed class RedirectTests
{
    private const string Key = "Rd1rEctK3yQw8eR7tY6uI5oP";

    [Fact]
    public async Task Named_client_registered_by_DI_does_not_follow_a_redirect_to_another_host()
    {
        using var other = new RecordingServer(IPAddress.Parse("127.0.0.2"), 200);
        using var first = new RecordingServer(IPAddress.Loopback, 302, other.Url + "v1/chat/completions");
        var services = new ServiceCollection();
        services.AddAssistantProviders().AddGroq(o =>
        {
            o.ApiKey = Key;
            o.Endpoint = new Uri(first.Url + "openai/v1/");
        });
        await using var sp = services.BuildServiceProvider();
        var groq = sp.GetRequiredKeyedService<IChatClient>("groq");

        var error = await Should.ThrowAsync<AssistantProviderException>(groq.GetResponseAsync("hi"));
        error.ToString().ShouldNotContain(Key);
        first.Requests.Count.ShouldBe(1);
        first.Requests.Single().ShouldContain(Key); // the key went to the configured host only
        other.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task User_supplied_HttpClient_that_follows_redirects_drops_Authorization_for_bearer_vendors()
    {
        using var other = new RecordingServer(IPAddress.Parse("127.0.0.2"), 500);
        using var first = new RecordingServer(IPAddress.Loopback, 302, other.Url + "v1/chat/completions");
        using var http = new HttpClient(); // AllowAutoRedirect = true (the .NET default)
        using var client = new GroqChatClient(new GroqClientOptions { ApiKey = Key, Endpoint = new Uri(first.Url + "openai/v1/") }, http);

        await Should.ThrowAsync<Exception>(client.GetResponseAsync("hi"));
        other.Requests.Count.ShouldBe(1);
        other.Requests.Single().ShouldNotContain(Key); // .NET strips Authorization when it follows a redirect
    }

    [Fact]
    public async Task User_supplied_HttpClient_that_follows_redirects_forwards_custom_key_headers_so_disable_redirects()
    {
        using var other = new RecordingServer(IPAddress.Parse("127.0.0.2"), 500);
        using var first = new RecordingServer(IPAddress.Loopback, 307, other.Url + "v1/messages");
        using (var following = new HttpClient())
        using (var client = new AnthropicChatClient(new AnthropicClientOptions { ApiKey = Key, Endpoint = new Uri(first.Url) }, following))
        {
            await Should.ThrowAsync<Exception>(client.GetResponseAsync("hi"));
        }

        // Documented behaviour: x-api-key is a custom header, so a redirect-following HttpClient sends it to the new host.
        other.Requests.Single().ShouldContain(Key);

        // The fix: a client that does not follow redirects.
        using var other2 = new RecordingServer(IPAddress.Parse("127.0.0.2"), 500);
        first.Location = other2.Url + "v1/messages";
        using var safe = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var safeClient = new AnthropicChatClient(new AnthropicClientOptions { ApiKey = Key, Endpoint = new Uri(first.Url) }, safe);
        await Should.ThrowAsync<Exception>(safeClient.GetResponseAsync("hi"));
        other2.Requests.ShouldBeEmpty();
    }
}
