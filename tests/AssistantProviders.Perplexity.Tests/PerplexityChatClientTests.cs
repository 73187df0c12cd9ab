// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Perplexity;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.Perplexity.Tests;

public sealed class PerplexityChatClientTests
{
    private static PerplexityChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new PerplexityChatClient(new PerplexityClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));

    [Fact]
    public async Task Request_CarriesSearchKnobs_Verbatim()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/chat/completions",
            ExpectedRequestJson = """
            {"model":"sonar","messages":[{"role":"user","content":"Hello"}],"search_recency_filter":"week",
             "search_domain_filter":["wikipedia.org","-reddit.com"],"return_images":true,"return_related_questions":false,"search_mode":"academic"}
            """,
        }.Respond(RepoPaths.ReadFixture("perplexity", "chat-citations.json"));
        using var client = CreateChatClient(handler);

        await client.GetResponseAsync(Hello, new ChatOptions
        {
            AdditionalProperties = new()
            {
                [PerplexityPropertyNames.SearchRecencyFilter] = "week",
                [PerplexityPropertyNames.SearchDomainFilter] = new[] { "wikipedia.org", "-reddit.com" },
                [PerplexityPropertyNames.ReturnImages] = true,
                [PerplexityPropertyNames.ReturnRelatedQuestions] = false,
                [PerplexityPropertyNames.SearchMode] = "academic",
            },
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StreamRequest_SendsNoStreamOptions()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"sonar-pro","messages":[{"role":"user","content":"Hello"}],"stream":true}""",
        }.RespondSse(Sse(RepoPaths.ReadFixture("perplexity", "stream-text.chunks.txt"), done: false));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, new ChatOptions { ModelId = "sonar-pro" }, TestContext.Current.CancellationToken));

        Assert.NotEmpty(updates);
    }

    [Fact]
    public async Task ChatCitations_Fixture_BecomeCitationAnnotationsWithMarkerRegions()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("perplexity", "chat-citations.json"));
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<TextContent>());
        var citations = text.Annotations!.OfType<CitationAnnotation>().ToList();
        Assert.Equal(7, citations.Count);
        Assert.Equal(new Uri("https://populationstat.com/united-states/san-francisco"), citations[0].Url);
        Assert.Equal(new Uri("https://en.wikipedia.org/wiki/San_Francisco"), citations[1].Url);
        var regions = citations[1].AnnotatedRegions!.OfType<TextSpanAnnotatedRegion>().ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Equal("[2]", text.Text[r.StartIndex!.Value..r.EndIndex!.Value]));
        Assert.Equal(2, citations[0].AnnotatedRegions!.Count); // "[1]" appears twice in the answer
    }

    [Fact]
    public async Task ChatCitations_Fixture_UsageCountsOneSearchRequest()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("perplexity", "chat-citations.json"));
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(10, response.Usage?.InputTokenCount);
        Assert.Equal(251, response.Usage?.OutputTokenCount);
        Assert.Equal(1, response.Usage?.AdditionalCounts?[PerplexityChatClient.SearchRequestsUsageKey]);
    }

    [Fact]
    public async Task SearchResults_GiveTitles_ReportedSearchCountWins()
    {
        const string body = """
        {"id":"x1","model":"sonar-pro","created":1,"object":"chat.completion",
         "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12,"num_search_queries":3,"citation_tokens":40,"search_context_size":"low"},
         "citations":["https://a.example/one","https://b.example/two"],
         "search_results":[{"title":"Two","url":"https://b.example/two","date":"2025-01-02"},{"title":"One","url":"https://a.example/one"},{"title":"Extra","url":"https://c.example/three"}],
         "related_questions":["Why?"],
         "choices":[{"index":0,"message":{"role":"assistant","content":"Answer [1] and [2] and [9]."},"finish_reason":"stop"}]}
        """;
        var handler = new VerbatimHttpHandler().Respond(body);
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        var citations = response.Messages[0].Contents.OfType<TextContent>().Single().Annotations!.OfType<CitationAnnotation>().ToList();
        Assert.Equal(["One", "Two", "Extra"], citations.Select(c => c.Title));
        Assert.Equal("2025-01-02", citations[1].AdditionalProperties?["date"]);
        Assert.Null(citations[2].AnnotatedRegions);
        Assert.Equal(3, response.Usage?.AdditionalCounts?[PerplexityChatClient.SearchRequestsUsageKey]);
        Assert.Equal(40, response.Usage?.AdditionalCounts?["CitationTokens"]);
        Assert.Equal("low", response.AdditionalProperties?["search_context_size"]);
        Assert.True(response.AdditionalProperties?.ContainsKey("related_questions"));
    }

    [Fact]
    public async Task NonSonarModel_WithoutReportedSearches_HasNoSearchCount()
    {
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, new ChatOptions { ModelId = "r1-1776" }, TestContext.Current.CancellationToken);

        Assert.False(response.Usage?.AdditionalCounts?.ContainsKey(PerplexityChatClient.SearchRequestsUsageKey) ?? false);
    }

    [Fact]
    public async Task StreamCitations_Fixture_UsageOnceFromFinalChunk_AnnotationsOnFinalUpdate()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("perplexity", "stream-citations.chunks.txt"), done: false));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(10, usage.Details.InputTokenCount);
        Assert.Equal(336, usage.Details.OutputTokenCount);
        Assert.Equal(346, usage.Details.TotalTokenCount);
        Assert.Equal(1, usage.Details.AdditionalCounts?[PerplexityChatClient.SearchRequestsUsageKey]);

        var final = updates.Single(u => u.FinishReason is not null);
        var citations = final.Contents.OfType<TextContent>().SelectMany(t => t.Annotations ?? []).OfType<CitationAnnotation>().ToList();
        Assert.Equal(7, citations.Count);
        Assert.Equal(new Uri("https://www.worldometers.info/world-population/us-population/"), citations[6].Url);
        Assert.Equal(1, updates.Count(u => u.Contents.OfType<TextContent>().Any(t => t.Annotations is { Count: > 0 })));
    }

    [Fact]
    public async Task StreamCitations_Fixture_SurviveToChatResponse()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("perplexity", "stream-citations.chunks.txt"), done: false));
        using var client = CreateChatClient(handler);

        var response = (await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))).ToChatResponse();

        Assert.StartsWith("The current population of", response.Text, StringComparison.Ordinal);
        var citations = response.Messages.SelectMany(m => m.Contents).SelectMany(c => c.Annotations ?? []).OfType<CitationAnnotation>().ToList();
        Assert.Equal(7, citations.Count);
        Assert.Equal(346, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task StreamText_Fixture_EndsOnFinishWithoutDone()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Sse(RepoPaths.ReadFixture("perplexity", "stream-text.chunks.txt"), done: false));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("**EcoVista Day**", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(445, usage.Details.TotalTokenCount);
    }

    [Fact]
    public async Task StreamedAndNonStreamed_SameAnswer_SameUsage()
    {
        // The stream repeats running totals on every chunk; the cost basis must be the final totals, as in the JSON answer.
        var chunks = RepoPaths.ReadFixture("perplexity", "stream-text.chunks.txt");
        var last = chunks.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var completion = last.Replace("chat.completion.done", "chat.completion", StringComparison.Ordinal).Replace("\"delta\"", "\"message\"", StringComparison.Ordinal);
        var handler = new VerbatimHttpHandler().RespondSse(Sse(chunks, done: false)).Respond(completion);
        using var client = CreateChatClient(handler);

        var streamed = (await CollectAsync(client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))).ToChatResponse();
        var whole = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(whole.Usage?.InputTokenCount, streamed.Usage?.InputTokenCount);
        Assert.Equal(whole.Usage?.OutputTokenCount, streamed.Usage?.OutputTokenCount);
        Assert.Equal(whole.Usage?.AdditionalCounts?[PerplexityChatClient.SearchRequestsUsageKey], streamed.Usage?.AdditionalCounts?[PerplexityChatClient.SearchRequestsUsageKey]);
    }

    [Fact]
    public async Task Error400_InvalidModel_Fixture_IsBadRequest()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("perplexity", "error-400-invalid-model.json"), HttpStatusCode.BadRequest);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => client.GetResponseAsync(Hello, new ChatOptions { ModelId = "perplexity/sonar" }, TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.BadRequest, ex.Kind);
        Assert.Contains("Invalid model", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task ListModels_ReturnsDocumentedSonarModels_WithoutNetwork()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new PerplexityChatClient(new PerplexityClientOptions { ApiKey = Key }, new HttpClient(handler));

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Contains(models, m => m.ModelId == "sonar-pro" && m.ProviderId == "perplexity");
        Assert.Empty(handler.Requests);
    }
}
