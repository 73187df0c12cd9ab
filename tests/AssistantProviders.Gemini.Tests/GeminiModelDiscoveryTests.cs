// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Gemini.Tests;

public sealed class GeminiModelDiscoveryTests
{
    [Fact]
    public async Task Lists_every_page_and_maps_limits_and_methods()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get };
        handler.ExpectedHeaders["x-goog-api-key"] = Fixtures.Key;
        handler.Respond("""
            {"models":[
              {"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,"outputTokenLimit":65536,
               "supportedGenerationMethods":["generateContent","countTokens","createCachedContent","streamGenerateContent"]}
            ],"nextPageToken":"page-2"}
            """);
        handler.Respond("""
            {"models":[
              {"name":"models/gemini-embedding-001","displayName":"Gemini Embedding 001","inputTokenLimit":2048,"outputTokenLimit":1,
               "supportedGenerationMethods":["embedContent","countTextTokens"]}
            ]}
            """);
        using var client = Fixtures.Chat(handler);

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        models.Select(m => m.ModelId).ShouldBe(["gemini-2.5-flash", "gemini-embedding-001"]);
        var flash = models[0];
        flash.ProviderId.ShouldBe("gemini");
        flash.DisplayName.ShouldBe("Gemini 2.5 Flash");
        flash.ContextWindow.ShouldBe(1048576);
        flash.MaxOutputTokens.ShouldBe(65536);
        flash.Capabilities.HasFlag(AssistantProviders.ModelCapabilities.Chat | AssistantProviders.ModelCapabilities.Streaming | AssistantProviders.ModelCapabilities.Tools).ShouldBeTrue();
        flash.Discovered.ShouldBeTrue();
        models[1].Capabilities.ShouldBe(AssistantProviders.ModelCapabilities.Embeddings);
        handler.Requests.Count.ShouldBe(2);
        handler.Requests[0].Uri.PathAndQuery.ShouldBe("/v1beta/models?pageSize=1000");
        handler.Requests[1].Uri.PathAndQuery.ShouldBe("/v1beta/models?pageSize=1000&pageToken=page-2");
        handler.Requests.ShouldAllBe(r => !r.Uri.Query.Contains("key="));
    }
}
