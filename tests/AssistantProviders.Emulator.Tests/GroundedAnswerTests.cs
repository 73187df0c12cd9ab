// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using AssistantProviders.Emulator.Internal;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary>The emulator's grounded (RAG) answers: numbered sources in the user's message are quoted and cited.</summary>
public sealed class GroundedAnswerTests
{
    private const string Prompt =
        "Answer from the sources and cite them as [n].\n"
        + "Sources:\n"
        + "[1] Budgets reserve the worst case before the call. They settle after it.\n"
        + "[2] The router keeps a breaker per route. It fails over to the next provider when a provider fails.\n"
        + "[3] Bananas are yellow.\n"
        + "\n"
        + "Question: How does the router fail over between providers?";

    [Fact]
    public void Compose_QuotesTheBestSentence_OfTheMatchingSource_WithItsMarker()
    {
        var answer = GroundedAnswer.Compose(Prompt);

        Assert.Equal("It fails over to the next provider when a provider fails [2].", answer);
    }

    [Fact]
    public void Compose_CitesAtMostTwoSources_BestFirst()
    {
        var answer = GroundedAnswer.Compose(
            "[1] Budgets have a daily limit.\n"
            + "[2] Routing picks a provider; budgets can stop routing when the daily limit is spent.\n"
            + "[3] A daily budget resets at midnight.\n"
            + "Question: what happens when the daily budget limit of routing is spent?");

        Assert.Equal("Routing picks a provider; budgets can stop routing when the daily limit is spent [2]. Budgets have a daily limit [1].", answer);
    }

    [Fact]
    public void Compose_SplitsMarkdownBullets_AndDropsTheBulletMarker()
    {
        var answer = GroundedAnswer.Compose(
            "[1] - **Failover** only before the first update. - **Circuit breaker** per provider: opens at 50 % failures.\n"
            + "Question: when does the circuit breaker open?");

        Assert.Equal("**Circuit breaker** per provider: opens at 50 % failures [1].", answer);
    }

    [Fact]
    public void Compose_WithoutSharedWords_SaysSo_AndCitesNothing()
    {
        var answer = GroundedAnswer.Compose("[1] Bananas are yellow.\n[2] Apples are red.\nQuestion: how do circuit breakers work?");

        Assert.Equal(GroundedAnswer.NoAnswer, answer);
        Assert.DoesNotContain("[", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi there")]
    [InlineData("See [1] for details.")]
    [InlineData("[x] not a number")]
    public void Compose_WithoutNumberedSourceLines_ReturnsNull(string text) =>
        Assert.Null(GroundedAnswer.Compose(text));

    [Fact]
    public async Task OpenAIChat_WithSources_AnswersGrounded()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var request = new JsonObject
        {
            ["model"] = "gpt-x",
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "You answer with citations." },
                new JsonObject { ["role"] = "user", ["content"] = Prompt }),
        };

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", request.ToJsonString());

        Assert.Equal("It fails over to the next provider when a provider fails [2].", (string?)json["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task AnthropicMessages_WithSources_AnswersGrounded()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var request = new JsonObject
        {
            ["model"] = "claude-x",
            ["max_tokens"] = 100,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = Prompt }),
        };

        var json = await PostJsonAsync(client, "anthropic/v1/messages", request.ToJsonString());

        Assert.Equal("It fails over to the next provider when a provider fails [2].", (string?)json["content"]![0]!["text"]);
    }

    [Fact]
    public async Task Chat_WithoutSources_KeepsTheCannedAnswer()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", """{"messages":[{"role":"user","content":"How does the router fail over?"}]}""");

        Assert.Equal(EmulatorDefaults.AnswerText, (string?)json["choices"]![0]!["message"]!["content"]);
    }
}
