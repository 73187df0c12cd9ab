// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.Tests.Support;

/// <summary>Builds the shared transport and OpenAI-wire clients over a <see cref="VerbatimHttpHandler"/>.</summary>
internal static class TestWire
{
    public const string Key = "sk-test-SECRETSECRETSECRET1234";

    public static ProviderDescriptor Descriptor(ProviderLocality locality = ProviderLocality.Cloud, bool requiresKey = true) => new("testvendor", "TestVendor")
    {
        Locality = locality,
        ApiKeyEnvironmentVariable = requiresKey ? "TESTVENDOR_API_KEY" : null,
        BaseUrlEnvironmentVariable = "TESTVENDOR_BASE_URL",
        DefaultEndpoint = new Uri("https://api.test.example/v1/"),
        DefaultModel = "test-model",
    };

    public static ProviderTransport Transport(VerbatimHttpHandler handler, Action<TestOptions>? configure = null, ProviderDescriptor? descriptor = null)
    {
        var options = new TestOptions { ApiKey = Key };
        configure?.Invoke(options);
        return new ProviderTransport(descriptor ?? Descriptor(), options, new HttpClient(handler), ProviderAuth.Bearer);
    }

    public static OpenAIWireChatClient Chat(VerbatimHttpHandler handler, Action<TestOptions>? configure = null, OpenAIWireProfile? profile = null) =>
        new(Transport(handler, configure), profile ?? OpenAIWireProfile.Default);

    public static VerbatimHttpHandler Sse(string body) => new VerbatimHttpHandler().RespondSse(body);

    public static VerbatimHttpHandler Stream(byte[] body, int maxRead = 1, bool resetAtEnd = false) =>
        new VerbatimHttpHandler().RespondStream(new ChunkedStream(body, maxRead, resetAtEnd));

    public static VerbatimHttpHandler Stream(Stream body) => new VerbatimHttpHandler().RespondStream(body);

    public static async Task<List<ChatResponseUpdate>> Collect(IChatClient client, CancellationToken cancellationToken = default)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], null, cancellationToken))
        {
            list.Add(u);
        }

        return list;
    }

    public static string Text(IEnumerable<ChatResponseUpdate> updates) => string.Concat(updates.SelectMany(u => u.Contents).OfType<TextContent>().Select(t => t.Text));

    public static List<UsageContent> Usages(IEnumerable<ChatResponseUpdate> updates) => [.. updates.SelectMany(u => u.Contents).OfType<UsageContent>()];

    public static string Chunk(string content, string? finish = null, string id = "c1") =>
        $$"""{"id":"{{id}}","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":{{Json(content)}}},"finish_reason":{{(finish is null ? "null" : Json(finish))}}}]}""";

    public static string UsageChunk(int prompt = 3, int completion = 5) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt +
        ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}";

    public static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s, OpenAIWireJsonContext.Default.String);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static VerbatimHttpHandler Error(HttpStatusCode status, string body, IDictionary<string, string>? headers = null) =>
        new VerbatimHttpHandler().Respond(body, status, "application/json", headers);
}
