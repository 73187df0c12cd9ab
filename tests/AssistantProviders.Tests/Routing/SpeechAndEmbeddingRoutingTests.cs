// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

public sealed class SpeechAndEmbeddingRoutingTests
{
    [Fact]
    public async Task T17_speech_to_text_falls_back_and_resends_the_whole_audio()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Stt.Respond = (_, _) => throw new HttpRequestException("down", null, HttpStatusCode.BadGateway);
        using var audio = new MemoryStream([1, 2, 3, 4, 5]);

        var response = await harness.Speech.GetTextAsync(audio);

        response.Text.ShouldBe("transcript");
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Stt.ReceivedAudio.ShouldHaveSingleItem().ShouldBe(new byte[] { 1, 2, 3, 4, 5 });
        b.Stt.ReceivedAudio.ShouldHaveSingleItem().ShouldBe(new byte[] { 1, 2, 3, 4, 5 });
    }

    [Fact]
    public async Task T17_speech_to_text_cancellation_does_not_fail_over()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Stt.Respond = async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), harness.Time, ct);
            return new SpeechToTextResponse("late");
        };
        using var cts = new CancellationTokenSource();
        using var audio = new MemoryStream([1]);

        var call = harness.Speech.GetTextAsync(audio, cancellationToken: cts.Token);
        await started.Task.Guard();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call.Guard());
        b.Stt.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T17_embeddings_fail_over_with_the_whole_batch_to_a_route_of_the_same_model()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Embeddings.Before = (_, _) => throw new HttpRequestException("down", null, HttpStatusCode.InternalServerError);

        var result = await harness.Embeddings.GenerateAsync(["one", "two", "three"], new EmbeddingGenerationOptions { ModelId = "nomic-embed-text" });

        result.Count.ShouldBe(3);
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        b.Embeddings.Batches.ShouldHaveSingleItem().ShouldBe(["one", "two", "three"]);
        b.Embeddings.Models.ShouldHaveSingleItem().ShouldBe("nomic-embed-text");
    }

    [Fact]
    public async Task T17_embeddings_never_mix_models_across_providers_with_different_defaults()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("a");
        var b = harness.Add("b");

        await harness.Embeddings.GenerateAsync(["one"]);
        a.Embeddings.Before = (_, _) => throw new HttpRequestException("down", null, HttpStatusCode.InternalServerError);

        await Should.ThrowAsync<HttpRequestException>(harness.Embeddings.GenerateAsync(["two"]));
        b.Embeddings.Calls.ShouldBe(0);
    }
}
