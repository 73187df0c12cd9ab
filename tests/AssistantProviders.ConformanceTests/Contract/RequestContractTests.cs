// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// Contract tests: the request bodies a provider emits (chat, streaming chat, tools with a tool-result turn, JSON schema output,
/// embeddings) are captured with <see cref="VerbatimHttpHandler"/> (no network; every call is answered with a 400 so only the
/// request matters) and validated against the vendor's published spec in <c>../shared/specs/&lt;vendor&gt;/</c> with
/// <see cref="OpenApiRequestValidator"/>. Skipped when the spec is absent. Negative tests prove the validator can fail on a body
/// that is almost right.
/// </summary>
public abstract class RequestContractTests
{
    /// <summary>Gets the spec folder under <c>../shared/specs</c>.</summary>
    protected abstract string SpecFolder { get; }

    /// <summary>Gets the spec file of the chat operation.</summary>
    protected abstract string SpecFile { get; }

    /// <summary>Gets the spec file of the embeddings operation (default: <see cref="SpecFile"/>).</summary>
    protected virtual string EmbeddingSpecFile => SpecFile;

    /// <summary>Gets the model the requests name.</summary>
    protected virtual string ModelId => "contract-model";

    /// <summary>Gets the embedding model the requests name.</summary>
    protected virtual string EmbeddingModelId => "contract-embed";

    /// <summary>Gets a value indicating whether the provider supports tools.</summary>
    protected virtual bool SupportsTools => true;

    /// <summary>Gets a value indicating whether the provider supports JSON-schema structured output.</summary>
    protected virtual bool SupportsJsonSchema => true;

    /// <summary>Gets a value indicating whether every top-level property of the body must be defined by the spec.</summary>
    protected virtual bool RejectUnknownProperties => true;

    /// <summary>
    /// Patches the translated request schema for a documented bug in the vendor's spec (never to hide a provider bug);
    /// <see langword="null"/> (the default) validates against the spec as published.
    /// </summary>
    /// <param name="schema">The JSON Schema 2020-12 document; component schemas are under <c>$defs</c>.</param>
    protected virtual void PatchSpec(JsonObject schema)
    {
    }

    /// <summary>Gets the name of <see cref="PatchSpec"/>, or <see langword="null"/> when the spec is used as published.</summary>
    protected virtual string? SpecPatchName => null;

    /// <summary>Creates the chat client over <paramref name="http"/> with a dummy key and the vendor's default endpoint.</summary>
    /// <param name="http">The recording client.</param>
    /// <returns>The client.</returns>
    protected abstract IChatClient CreateChatClient(HttpClient http);

    /// <summary>Creates the embedding generator, or <see langword="null"/> when the vendor has none.</summary>
    /// <param name="http">The recording client.</param>
    /// <returns>The generator.</returns>
    protected virtual IEmbeddingGenerator<string, Embedding<float>>? CreateEmbeddingGenerator(HttpClient http) => null;

    [Fact]
    public async Task Chat_RequestBody_MatchesTheSpec()
    {
        var request = await CaptureChatAsync(client => client.GetResponseAsync(Conversation(), ChatOptions()));
        Validator().AssertValid(request);
    }

    [Fact]
    public async Task StreamingChat_RequestBody_MatchesTheSpec()
    {
        var request = await CaptureChatAsync(async client =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Conversation(), ChatOptions()))
            {
            }
        });
        Validator().AssertValid(request);
    }

    [Fact]
    public async Task ToolsAndToolResults_RequestBody_MatchesTheSpec()
    {
        SkipUnless(SupportsTools, "tools");
        var options = ChatOptions();
        options.Tools = [AIFunctionFactory.Create((string location, int days) => "sunny", "get_weather", "Gets the weather forecast.")];
        options.ToolMode = ChatToolMode.Auto;
        List<ChatMessage> history =
        [
            .. Conversation(),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["location"] = "Paris", ["days"] = 2 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "sunny and 22C")]),
        ];

        var request = await CaptureChatAsync(client => client.GetResponseAsync(history, options));
        Validator().AssertValid(request);
    }

    [Fact]
    public async Task JsonSchemaOutput_RequestBody_MatchesTheSpec()
    {
        SkipUnless(SupportsJsonSchema, "JSON-schema output");
        var options = ChatOptions();
        options.ResponseFormat = ChatResponseFormat.ForJsonSchema(
            System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement,
            "city_answer",
            "A city.");

        var request = await CaptureChatAsync(client => client.GetResponseAsync(Conversation(), options));
        Validator().AssertValid(request);
    }

    [Fact]
    public async Task Embeddings_RequestBody_MatchesTheSpec()
    {
        var handler = new VerbatimHttpHandler();
        using var http = new HttpClient(handler);
        using var generator = CreateEmbeddingGenerator(http);
        if (generator is null)
        {
            Assert.Skip($"{SpecFolder} has no embeddings.");
            return;
        }

        var validator = Validator(EmbeddingSpecFile);
        handler.Respond(ErrorBody, HttpStatusCode.BadRequest);
        await Swallow(() => generator.GenerateAsync(["first text", "second text"], new EmbeddingGenerationOptions { ModelId = EmbeddingModelId }));

        validator.AssertValid(handler.Requests.ShouldHaveSingleItem());
    }

    [Fact]
    public async Task Negative_ABodyWithEveryTopLevelValueOfTheWrongKind_FailsValidation()
    {
        var request = await CaptureChatAsync(client => client.GetResponseAsync(Conversation(), ChatOptions()));
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        foreach (var (name, value) in body.ToList())
        {
            body[name] = value?.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number
                ? new JsonArray(new JsonObject { ["wrong"] = true })
                : JsonValue.Create(42);
        }

        var errors = Validator().Validate(request.Uri.AbsolutePath, request.Method.Method, body.ToJsonString());
        errors.ShouldNotBeEmpty("a body whose every value has the wrong JSON kind must fail");
    }

    [Fact]
    public async Task Negative_AnUnknownTopLevelField_FailsValidation()
    {
        SkipUnless(RejectUnknownProperties, "strict top-level properties");
        var request = await CaptureChatAsync(client => client.GetResponseAsync(Conversation(), ChatOptions()));
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        body["definitely_not_a_vendor_field"] = true;

        var errors = Validator().Validate(request.Uri.AbsolutePath, request.Method.Method, body.ToJsonString());
        errors.ShouldContain(e => e.Contains("definitely_not_a_vendor_field", StringComparison.Ordinal) || e.Contains("unevaluated", StringComparison.OrdinalIgnoreCase) || e.Contains("additional", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The options of every chat call: model, temperature, top-p, max tokens and a stop sequence.</summary>
    /// <returns>The options.</returns>
    protected virtual ChatOptions ChatOptions() => new()
    {
        ModelId = ModelId,
        Temperature = 0.2f,
        TopP = 0.9f,
        MaxOutputTokens = 64,
        StopSequences = ["\n\n"],
    };

    /// <summary>Skips the test unless the capability is supported.</summary>
    /// <param name="supported">Whether it is.</param>
    /// <param name="capability">What it is.</param>
    protected void SkipUnless(bool supported, string capability)
    {
        if (!supported)
        {
            Assert.Skip($"{SpecFolder} does not support {capability}.");
        }
    }

    private const string ErrorBody = """{"error":{"message":"contract test: the response does not matter","type":"invalid_request_error"}}""";

    /// <summary>The conversation of every chat call: a system and a user message.</summary>
    /// <returns>The messages.</returns>
    protected static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are terse."),
        new(ChatRole.User, "What is the capital of France?"),
    ];

    /// <summary>Gets the validator of <paramref name="file"/> (default <see cref="SpecFile"/>), patched by <see cref="PatchSpec"/>; skips when the spec is absent (fails when CI=true).</summary>
    /// <param name="file">The spec file.</param>
    /// <returns>The validator.</returns>
    protected OpenApiRequestValidator Validator(string? file = null)
    {
        var validator = OpenApiRequestValidator.ForProvider(SpecFolder, file ?? SpecFile);
        validator.RejectUnknownProperties = RejectUnknownProperties;
        return SpecPatchName is { } name ? validator.WithPatch(name, PatchSpec) : validator;
    }

    /// <summary>Runs <paramref name="call"/> against a client whose every request is answered with a 400 and returns the single request sent.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The recorded request.</returns>
    protected async Task<RecordedRequest> CaptureChatAsync(Func<IChatClient, Task> call)
    {
        _ = Validator(); // skip before doing any work when the spec is absent
        var handler = new VerbatimHttpHandler();
        handler.Respond(ErrorBody, HttpStatusCode.BadRequest);
        using var http = new HttpClient(handler);
        using var client = CreateChatClient(http);
        await Swallow(() => call(client));
        var request = handler.Requests.ShouldHaveSingleItem();
        request.Body.ShouldNotBeNullOrWhiteSpace();
        return request;
    }

    private static async Task Swallow(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AssistantProviderException)
        {
            // Expected: every call is answered with a 400; only the request body matters here.
        }
    }
}
