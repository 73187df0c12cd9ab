// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class FaultTests
{
    private const string Chat = """{"model":"m","messages":[{"role":"user","content":"Hi"}]}""";
    private const string StreamChat = """{"model":"m","stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task Status429_CarriesRetryAfter_AndStopsAfterCount()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        var fault = new EmulatorFault { Vendor = "groq", Kind = FaultKind.Status429, RetryAfter = "2", RetryAfterMs = "2000", Count = 3 };
        server.Faults.Add(fault);
        using var client = Client(server);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? first = null;
        string? firstBody = null;
        for (var i = 0; i < 4; i++)
        {
            var (response, body) = await PostAsync(client, "groq/openai/v1/chat/completions", Chat);
            first ??= response;
            firstBody ??= body;
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(TimeSpan.FromSeconds(2), first!.Headers.RetryAfter?.Delta);
        Assert.Equal("2000", first.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("rate_limit_exceeded", (string?)JsonNode.Parse(firstBody!)!["error"]!["code"]);
        Assert.Equal(3, fault.Applied);
    }

    [Fact]
    public async Task Faults_MatchOnlyTheirVendorPathAndModel()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "groq", PathContains = "embeddings", Kind = FaultKind.Status500 });
        server.Faults.Add(new EmulatorFault { Model = "emu-premium", Kind = FaultKind.Status503 });
        using var client = Client(server);

        var (groqChat, _) = await PostAsync(client, "groq/openai/v1/chat/completions", Chat);
        var (openaiEmbed, _) = await PostAsync(client, "openai/v1/embeddings", """{"input":"x"}""");
        var (groqEmbed, _) = await PostAsync(client, "groq/openai/v1/embeddings", """{"input":"x"}""");
        var (premium, _) = await PostAsync(client, "openai/v1/chat/completions", """{"model":"emu-premium","messages":[]}""");

        Assert.Equal(HttpStatusCode.OK, groqChat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openaiEmbed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, groqEmbed.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, premium.StatusCode);
    }

    [Fact]
    public async Task Faults_CanBeClearedAtRuntime()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Kind = FaultKind.Status500, Count = null });
        using var client = Client(server);

        var (before, _) = await PostAsync(client, "openai/v1/chat/completions", Chat);
        server.Faults.Clear();
        var (after, _) = await PostAsync(client, "openai/v1/chat/completions", Chat);

        Assert.Equal(HttpStatusCode.InternalServerError, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Empty(server.Faults);
    }

    [Fact]
    public async Task OptionsFaults_ApplyFromTheStart()
    {
        var options = new EmulatorOptions();
        options.Faults.Add(EmulatorFault.Create("openai", FaultKind.Status401));
        await using var server = await EmulatorServer.StartAsync(options, Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/chat/completions", Chat);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (string?)JsonNode.Parse(body)!["error"]!["code"]);
    }

    [Theory]
    [InlineData("openai/v1/chat/completions")]
    [InlineData("mistral/v1/chat/completions")]
    [InlineData("anthropic/v1/messages")]
    [InlineData("cohere/v2/chat")]
    [InlineData("ollama/api/chat")]
    [InlineData("gemini/v1beta/models/m:generateContent")]
    public async Task ContextLengthExceeded_Is400_WithVendorError(string path)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create(null, FaultKind.ContextLengthExceeded));
        using var client = Client(server);

        var (response, body) = await PostAsync(client, path, Chat);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        if (path.StartsWith("openai", StringComparison.Ordinal))
        {
            Assert.Equal("context_length_exceeded", (string?)json["error"]!["code"]);
        }
        else if (path.StartsWith("mistral", StringComparison.Ordinal))
        {
            Assert.Equal("context_length_exceeded", (string?)json["code"]);
        }
        else if (path.StartsWith("anthropic", StringComparison.Ordinal))
        {
            Assert.Contains("prompt is too long", (string?)json["error"]!["message"], StringComparison.Ordinal);
        }
        else if (path.StartsWith("gemini", StringComparison.Ordinal))
        {
            Assert.Equal("INVALID_ARGUMENT", (string?)json["error"]!["status"]);
        }
        else
        {
            Assert.NotNull(json["message"] ?? json["error"]);
        }
    }

    [Fact]
    public async Task ContentFilter_OpenAI_FinishesWithContentFilter_AnthropicRefuses()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create(null, FaultKind.ContentFilter, count: 3));
        using var client = Client(server);

        var openai = await PostJsonAsync(client, "openai/v1/chat/completions", Chat);
        var (_, streamed) = await PostAsync(client, "openai/v1/chat/completions", StreamChat);
        var anthropic = await PostJsonAsync(client, "anthropic/v1/messages", Chat);

        Assert.Equal("content_filter", (string?)openai["choices"]![0]!["finish_reason"]);
        Assert.Null(openai["choices"]![0]!["message"]!["content"]);
        Assert.Equal("content_filter", (string?)Json(ParseSse(streamed))[^1]["choices"]![0]!["finish_reason"]);
        Assert.Equal("refusal", (string?)anthropic["stop_reason"]);
    }

    [Fact]
    public async Task CutStreamAfterChunks_SendsNChunks_ThenAbortsWithoutDone()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.CutStreamAfterChunks("openai", 2));
        using var client = Client(server);

        var (lines, broke) = await ReadLinesAsync(client, "openai/v1/chat/completions", StreamChat, Ct);

        Assert.True(broke, "the connection is aborted, not closed cleanly");
        var data = lines.Where(l => l.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, data.Count);
        Assert.DoesNotContain(lines, l => l.Contains("[DONE]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("finish_reason\":\"stop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CutStream_AnthropicLacksMessageStop()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.CutStreamAfterChunks("anthropic", 100));
        using var client = Client(server);

        var (lines, broke) = await ReadLinesAsync(client, "anthropic/v1/messages", StreamChat, Ct);

        Assert.True(broke);
        Assert.Contains(lines, l => l == "event: message_start");
        Assert.DoesNotContain(lines, l => l == "event: message_stop");
    }

    [Fact]
    public async Task CutNonStreaming_TruncatesBody()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.CutStreamAfterChunks("openai", 0));
        using var client = Client(server);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync("openai/v1/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"), Ct));
    }

    [Fact]
    public async Task StallAfterChunks_IsCancellableByTheClient()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.StallAfterChunks("openai", 1));
        using var client = Client(server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = new StringContent(StreamChat, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        var first = await reader.ReadLineAsync(cts.Token);
        Assert.StartsWith("data:", first, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await reader.ReadLineAsync(cts.Token));
        var stalled = reader.ReadLineAsync(cts.Token).AsTask();
        Assert.False(stalled.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled);
        Assert.Equal(FaultKind.StallAfterChunks, server.Requests.Single().Fault);
    }

    [Fact]
    public async Task StallAfterChunks_EndsWhenTheServerStops()
    {
        var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        await using (server)
        {
            server.Faults.Add(EmulatorFault.StallAfterChunks("ollama", 1));
            using var client = Client(server);
            using var request = new HttpRequestMessage(HttpMethod.Post, "ollama/api/chat") { Content = new StringContent(Chat, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
            var first = await reader.ReadLineAsync(Ct);
            Assert.Contains("\"done\":false", first, StringComparison.Ordinal);

            await server.StopAsync(Ct);

            var rest = new List<string>();
            var broke = false;
            try
            {
                while (await reader.ReadLineAsync(Ct) is { } line)
                {
                    rest.Add(line);
                }
            }
            catch (IOException)
            {
                broke = true;
            }

            Assert.True(broke, "the stalled stream ends with a premature close");
            Assert.DoesNotContain(rest, l => l.Contains("\"done\":true", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StallWithZeroDuration_ThenFinishesTheStream()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.StallAfterChunks("openai", 2, TimeSpan.Zero));
        using var client = Client(server);

        var (lines, broke) = await ReadLinesAsync(client, "openai/v1/chat/completions", StreamChat, Ct);

        Assert.False(broke);
        Assert.Equal("data: [DONE]", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public async Task MalformedJson_NonStreamingBodyIsNotParseable()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create("openai", FaultKind.MalformedJson));
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/chat/completions", Chat);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
    }

    [Theory]
    [InlineData("openai/v1/chat/completions")]
    [InlineData("anthropic/v1/messages")]
    [InlineData("cohere/v2/chat")]
    [InlineData("gemini/v1beta/models/m:streamGenerateContent?alt=sse")]
    public async Task MalformedJson_StreamDataIsGarbage(string path)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create(null, FaultKind.MalformedJson));
        using var client = Client(server);

        var (_, body) = await PostAsync(client, path, StreamChat);

        var data = ParseSse(body).Where(e => e.Data != "[DONE]").Select(e => e.Data).ToList();
        Assert.NotEmpty(data);
        Assert.Contains(data, d => !IsJson(d));
    }

    [Fact]
    public async Task MalformedJson_OllamaLineIsGarbage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create("ollama", FaultKind.MalformedJson));
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "ollama/api/chat", Chat);

        Assert.False(IsJson(body.Split('\n')[0]));
    }

    [Fact]
    public async Task OversizeBody_PadsBodyAndStream()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.OversizeBody("openai", 100_000, count: 2));
        using var client = Client(server);

        var (plain, plainBody) = await PostAsync(client, "openai/v1/chat/completions", Chat);
        var (_, streamBody) = await PostAsync(client, "openai/v1/chat/completions", StreamChat);

        Assert.True(plain.Content.Headers.ContentLength >= 100_000);
        Assert.True(plainBody.Length >= 100_000);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)JsonNode.Parse(plainBody)!["choices"]![0]!["message"]!["content"]);
        Assert.True(streamBody.Length >= 100_000);
        Assert.Equal("[DONE]", ParseSse(streamBody)[^1].Data);
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
