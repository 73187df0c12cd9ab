// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The transport, error and stream-termination behaviour of the shared OpenAI-wire codec (<c>src/Shared/OpenAIWire</c>), exercised
/// with exact vendor-shaped payloads through <see cref="VerbatimHttpHandler"/> (no emulator, no network): bearer key, 401 without the
/// key in the exception, 429 with Retry-After, 503, malformed JSON, the response-size cap, a truncated stream, an in-stream error,
/// one-byte reads with UTF-8 and CRLF, cancellation. Every OpenAI-wire vendor (OpenAI, Groq, Together, Fireworks, Perplexity,
/// Mistral, Hugging Face, LM Studio, MLX) derives it once, next to its <see cref="ChatClientConformanceTests"/>; the DI half of the
/// former per-vendor suite lives in <see cref="ProviderDependencyInjectionTests"/>.
/// </summary>
public abstract class OpenAIWireChatConformanceTests
{
    /// <summary>Gets the provider id (metadata, exceptions, the <c>provider</c> property).</summary>
    protected abstract string ProviderId { get; }

    /// <summary>
    /// Gets the environment variable a missing key names, or <see langword="null"/> for a local server that needs no key (then a call
    /// without a key is sent without credentials).
    /// </summary>
    protected abstract string? ApiKeyEnvironmentVariable { get; }

    /// <summary>Creates the vendor's chat client over <paramref name="handler"/> with its default endpoint.</summary>
    /// <param name="handler">The verbatim handler.</param>
    /// <param name="apiKey">The key, or <see langword="null"/> for none.</param>
    /// <param name="maxResponseBytes">The response-size cap, or <see langword="null"/> for a generous default (1 MiB).</param>
    /// <returns>The client.</returns>
    protected abstract IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null);

    [Fact]
    public void Metadata_ReportsProviderId()
    {
        using var client = CreateChatClient(new VerbatimHttpHandler());
        Assert.Equal(ProviderId, client.GetService<ChatClientMetadata>()?.ProviderName);
    }

    [Fact]
    public async Task Request_CarriesBearerKey_AndReturnsProvider()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/chat/completions" };
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Key;
        handler.Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hi", response.Text);
        Assert.Equal(ProviderId, response.AdditionalProperties?[AssistantProviderProperties.Provider]);
        Assert.Equal(4, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task NoKey_ThrowsAuthentication_NamingEnvironmentVariable_WithoutSending()
    {
        if (ApiKeyEnvironmentVariable is null)
        {
            Assert.Skip($"{ProviderId} is a local server that needs no key (NoKey_LocalServer_SendsNoCredentials covers it).");
            return;
        }

        var handler = new VerbatimHttpHandler();
        using var client = CreateChatClient(handler, apiKey: null);

        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(ApiKeyEnvironmentVariable, ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NoKey_LocalServer_SendsNoCredentials()
    {
        if (ApiKeyEnvironmentVariable is not null)
        {
            Assert.Skip($"{ProviderId} needs a key (NoKey_ThrowsAuthentication_NamingEnvironmentVariable_WithoutSending covers it).");
            return;
        }

        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler, apiKey: null);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hi", response.Text);
        var request = Assert.Single(handler.Requests);
        Assert.DoesNotContain(request.Headers.Keys, h => string.Equals(h, "Authorization", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Http401_IsAuthentication_WithoutTheKey()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"error\":{\"message\":\"Invalid API key " + Key + "\",\"type\":\"invalid_request_error\"}}", HttpStatusCode.Unauthorized);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProviderId, ex.ProviderId);
    }

    [Fact]
    public async Task Http429_IsRateLimited_WithRetryAfter()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"error\":{\"message\":\"slow down\"}}", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Http503_IsTransient()
    {
        var handler = new VerbatimHttpHandler().Respond("upstream unavailable", HttpStatusCode.ServiceUnavailable, "text/plain");
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
        Assert.Equal(503, ex.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"id\": \"r1\", \"choices\": [");
        using var client = CreateChatClient(handler);

        await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OversizeBody_IsResponseTooLarge()
    {
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler, maxResponseBytes: 64);

        await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TruncatedStream_IsIncomplete()
    {
        var handler = new VerbatimHttpHandler().RespondSse(new SseBuilder().Event(Chunk("Hel")).ToString());
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.NotNull(update);
            }
        });
        Assert.True(ex.MayHaveBeenBilled);
    }

    [Fact]
    public async Task InStreamError_IsTypedException()
    {
        var sse = new SseBuilder().Event(Chunk("Hel")).Event("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\",\"code\":429}}").ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = CreateChatClient(handler);

        await Assert.ThrowsAsync<RateLimitedException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.NotNull(update);
            }
        });
    }

    [Fact]
    public async Task Stream_OneByteReads_KeepsUtf8AndTerminates()
    {
        var sse = new SseBuilder { NewLine = "\r\n" }.Event(Chunk("Grüß ")).Event(Chunk("✓ 日本")).Event(Chunk(string.Empty, "stop")).Done();
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(sse.ToBytes()));
        using var client = CreateChatClient(handler);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("Grüß ✓ 日本", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates.Select(u => u.FinishReason).Last(f => f is not null));
        Assert.All(updates, u => Assert.Equal("s1", u.ResponseId));
    }

    [Fact]
    public async Task Cancellation_IsNotWrapped()
    {
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Hello, cancellationToken: cts.Token));
    }
}
