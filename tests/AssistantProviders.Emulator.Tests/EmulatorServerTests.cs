// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class EmulatorServerTests
{
    private const string Chat = """{"model":"m","messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task BaseAddress_IsLoopbackWithFreePort_AndEndpointsHangOffIt()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.True(server.BaseAddress.Port > 0);
        Assert.Equal("/", server.BaseAddress.AbsolutePath);
        Assert.Equal(new Uri(server.BaseAddress, "openai/v1/"), server.OpenAIEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "groq/openai/v1/"), server.GroqEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "ollama/"), server.OllamaEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "anthropic/v1/"), server.AnthropicEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "gemini/v1beta/"), server.GeminiEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "cohere/"), server.CohereEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "mistral/v1/"), server.MistralEndpoint);
        Assert.Equal(new Uri(server.BaseAddress, "together/v1/"), server.GetOpenAICompatibleEndpoint("together"));
        Assert.Equal(server.GroqEndpoint, server.GetEndpoint("groq"));
        Assert.Equal(new Uri(server.BaseAddress, "lmstudio/v1/"), server.GetEndpoint("lmstudio"));
    }

    [Fact]
    public async Task TwoServers_GetDifferentPorts()
    {
        await using var a = await EmulatorServer.StartAsync(cancellationToken: Ct);
        await using var b = await EmulatorServer.StartAsync(cancellationToken: Ct);

        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);
    }

    [Fact]
    public async Task Binding_IsLoopbackOnly()
    {
        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (external is null)
        {
            Assert.Skip("No non-loopback IPv4 address on this machine.");
        }

        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port, Ct);
        using var outside = new TcpClient();

        await Assert.ThrowsAsync<SocketException>(async () => await outside.ConnectAsync(external, server.BaseAddress.Port, Ct));
        Assert.True(loopback.Connected);
    }

    [Fact]
    public async Task AfterDispose_ThePortRefusesConnections()
    {
        var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        var port = server.BaseAddress.Port;
        await server.DisposeAsync();
        using var client = new TcpClient();

        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port, Ct));
    }

    [Fact]
    public async Task RequestLog_KeepsHeaderNamesBodyAndAuthFlag_NeverSecrets()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        await PostAsync(client, "groq/openai/v1/chat/completions", Chat, r => r.Headers.Authorization = new("Bearer", "sk-very-secret"));
        await GetAsync(client, "gemini/v1beta/models?key=also-secret");

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        var first = requests[0];
        Assert.Equal("POST", first.Method);
        Assert.Equal("/groq/openai/v1/chat/completions", first.Path);
        Assert.Equal("groq", first.Vendor);
        Assert.True(first.HadAuthorization);
        Assert.Contains("Authorization", first.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Chat, first.Body);
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(1, first.Sequence);
        var second = requests[1];
        Assert.True(second.HadAuthorization);
        Assert.Equal("?key=REDACTED", second.Query);
        Assert.DoesNotContain(requests, r => r.ToString().Contains("secret", StringComparison.Ordinal) || r.Body.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Counters_CountPerRouteAndVendor_AndClear()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        await PostAsync(client, "groq/openai/v1/chat/completions", Chat);
        await PostAsync(client, "groq/openai/v1/chat/completions", Chat);
        await GetAsync(client, "groq/openai/v1/models");
        await PostAsync(client, "openai/v1/chat/completions", Chat);

        Assert.Equal(2, server.GetRouteCount("POST", "/groq/openai/v1/chat/completions"));
        Assert.Equal(2, server.RouteCounts["POST /groq/openai/v1/chat/completions"]);
        Assert.Equal(1, server.GetRouteCount("get", "groq/openai/v1/models"));
        Assert.Equal(3, server.GetRequestCount("groq"));
        Assert.Equal(1, server.GetRequestCount("openai"));
        Assert.Equal(0, server.GetRequestCount("anthropic"));

        server.ClearRequests();

        Assert.Empty(server.Requests);
        Assert.Equal(0, server.GetRequestCount("groq"));
    }

    [Theory]
    [InlineData("openai/v1/chat/completions", "Authorization", "Bearer secret")]
    [InlineData("anthropic/v1/messages", "x-api-key", "secret")]
    [InlineData("gemini/v1beta/models/m:generateContent", "x-goog-api-key", "secret")]
    public async Task ExpectedApiKey_RejectsMissingOrWrongKeys_AcceptsTheRightOne(string path, string header, string value)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "secret" }, Ct);
        using var client = Client(server);

        var (missing, missingBody) = await PostAsync(client, path, """{"stream":false,"messages":[{"role":"user","content":"Hi"}],"contents":[{"parts":[{"text":"Hi"}]}]}""");
        var (wrong, _) = await PostAsync(client, path, "{}", r => r.Headers.TryAddWithoutValidation(header, value.Replace("secret", "nope", StringComparison.Ordinal)));
        var (right, _) = await PostAsync(client, path, """{"stream":false,"messages":[{"role":"user","content":"Hi"}],"contents":[{"parts":[{"text":"Hi"}]}]}""", r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var error = JsonNode.Parse(missingBody)!;
        switch (path.Split('/')[0])
        {
            case "openai":
                Assert.Equal("invalid_api_key", (string?)error["error"]!["code"]);
                break;
            case "anthropic":
                Assert.Equal("authentication_error", (string?)error["error"]!["type"]);
                break;
            case "gemini":
                Assert.Equal("UNAUTHENTICATED", (string?)error["error"]!["status"]);
                break;
            default:
                Assert.NotNull((string?)error["error"]);
                break;
        }
    }

    [Fact]
    public async Task SameRequest_GetsByteIdenticalAnswer()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, a) = await PostAsync(client, "anthropic/v1/messages", Chat);
        var (_, b) = await PostAsync(client, "anthropic/v1/messages", Chat);
        var (_, c) = await PostAsync(client, "anthropic/v1/messages", Chat.Replace("Hi", "Hello", StringComparison.Ordinal));

        Assert.Equal(a, b);
        Assert.NotEqual(JsonNode.Parse(a)!["id"]!.ToString(), JsonNode.Parse(c)!["id"]!.ToString());
    }

    [Fact]
    public async Task ScriptedAnswers_PerVendor_FromOptionsAndAtRuntime()
    {
        var options = new EmulatorOptions { DefaultAnswer = "Default words here." };
        options.Answers["groq"] = "Groq speaks fast.";
        await using var server = await EmulatorServer.StartAsync(options, Ct);
        using var client = Client(server);

        var groq = await PostJsonAsync(client, "groq/openai/v1/chat/completions", Chat);
        var openai = await PostJsonAsync(client, "openai/v1/chat/completions", Chat);
        server.Answers["openai"] = "Changed at runtime.";
        var changed = await PostJsonAsync(client, "openai/v1/chat/completions", Chat);

        Assert.Equal("Groq speaks fast.", (string?)groq["choices"]![0]!["message"]!["content"]);
        Assert.Equal("Default words here.", (string?)openai["choices"]![0]!["message"]!["content"]);
        Assert.Equal("Changed at runtime.", (string?)changed["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task Root_DescribesEndpoints_UnknownRouteIs404()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var root = await GetJsonAsync(client, "/");
        var (unknown, body) = await GetAsync(client, "nothing-here");
        var (wrongMethod, _) = await GetAsync(client, "openai/v1/chat/completions");

        Assert.Equal("ok", (string?)root["status"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotNull(JsonNode.Parse(body)!["error"]);
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task LoggerFactory_ReceivesEmulatorLogs()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Debug));
        await using (var server = await EmulatorServer.StartAsync(new EmulatorOptions { LoggerFactory = factory }, Ct))
        {
            using var client = Client(server);
            await PostAsync(client, "openai/v1/chat/completions", Chat);
        }

        var messages = collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Emulator listening on http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("POST /openai/v1/chat/completions -> 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FixedPort_IsHonored()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = port }, Ct);

        Assert.Equal(port, server.BaseAddress.Port);
    }
}
