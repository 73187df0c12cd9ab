// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Replicate.Tests;

public sealed class ReplicateImageGeneratorTests
{
    private const string OutputUrl = "https://replicate.delivery/xezq/abc/out-0.png";

    private static ReplicateImageGenerator Generator(VerbatimHttpHandler handler, FakeTimeProvider? time = null, Action<ReplicateClientOptions>? configure = null) =>
        new(Fixtures.Options(configure), new HttpClient(handler), null, time);

    private static string Succeeded(string id, params string[] urls) =>
        Fixtures.Prediction(id, "succeeded", new JsonArray([.. urls.Select(u => (JsonNode)JsonValue.Create(u))]), predictTime: 0.7);

    [Fact]
    public async Task FluxSchnell_RecordedCreate_Poll_AndDownload_GiveADataContent_WithComputeTime()
    {
        var tape = Fixtures.Tape("prediction-create-model.tape.json");
        var handler = new VerbatimHttpHandler()
            .RespondTape("prediction-create-model.tape.json")
            .Respond(Fixtures.With(tape.Body, "succeeded", predictTime: 1.2345))
            .Respond(Fixtures.Png, HttpStatusCode.OK, "image/png");
        var time = new FakeTimeProvider();
        using var generator = Generator(handler, time);
        var prompt = JsonNode.Parse(tape.RequestBody)!["input"]!["prompt"]!.GetValue<string>();

        var response = await Fixtures.RunOnClock(time, () => generator.GenerateImagesAsync(prompt, cancellationToken: TestContext.Current.CancellationToken));

        VerbatimHttpHandler.AssertJsonEqual(tape.RequestBody, handler.Requests[0].Body!);
        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/models/black-forest-labs/flux-schnell/predictions");
        var download = handler.Requests[2];
        download.Uri.AbsoluteUri.ShouldEndWith("/out-0.webp");
        download.Headers.ContainsKey("Authorization").ShouldBeFalse("the key never goes to an output URL");
        var image = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        image.MediaType.ShouldBe("image/png");
        image.Data.ToArray().ShouldBe(Fixtures.Png);
        response.Usage!.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(1235);
        response.RawRepresentation.ShouldBeAssignableTo<IReadOnlyList<ReplicatePrediction>>()!.ShouldHaveSingleItem().Id.ShouldBe("tqsn7eq3kxrma0cmjfcbkd5t3g");
    }

    [Fact]
    public async Task Flux_MapsCountSizeFormatAndSeed()
    {
        var handler = new VerbatimHttpHandler().Respond(Succeeded("i1", OutputUrl, OutputUrl), HttpStatusCode.Created);
        using var generator = Generator(handler);

        var response = await generator.GenerateImagesAsync("a cat", new ImageGenerationOptions
        {
            Count = 2,
            ImageSize = new Size(1024, 768),
            MediaType = "image/png",
            ResponseFormat = ImageGenerationResponseFormat.Uri,
            AdditionalProperties = new() { [ReplicatePropertyNames.Seed] = 42, [ReplicatePropertyNames.NumInferenceSteps] = 4 },
        }, TestContext.Current.CancellationToken);

        VerbatimHttpHandler.AssertJsonEqual(
            """{"input":{"prompt":"a cat","num_outputs":2,"aspect_ratio":"4:3","output_format":"png","seed":42,"num_inference_steps":4}}""",
            handler.Requests[0].Body!);
        var uris = response.Contents.OfType<UriContent>().ToList();
        uris.Count.ShouldBe(2);
        uris[0].Uri.ShouldBe(new Uri(OutputUrl));
        uris[0].MediaType.ShouldBe("image/png");
        handler.Requests.Count.ShouldBe(1, "UriContent output downloads nothing");
    }

    [Fact]
    public async Task Sdxl_Version_TakesWidthAndHeight_AndNegativePrompt()
    {
        var handler = new VerbatimHttpHandler().Respond(Succeeded("i2", OutputUrl), HttpStatusCode.Created);
        using var generator = Generator(handler);

        await generator.GenerateImagesAsync("a dog", new ImageGenerationOptions
        {
            ModelId = "stability-ai/sdxl:7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc",
            ImageSize = new Size(768, 512),
            MediaType = "image/png",
            ResponseFormat = ImageGenerationResponseFormat.Uri,
            AdditionalProperties = new() { [ReplicatePropertyNames.NegativePrompt] = "blurry" },
        }, TestContext.Current.CancellationToken);

        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/predictions");
        VerbatimHttpHandler.AssertJsonEqual(
            """{"version":"7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc","input":{"prompt":"a dog","width":768,"height":512,"negative_prompt":"blurry"}}""",
            handler.Requests[0].Body!);
    }

    [Fact]
    public async Task FluxPro_MakesOneImagePerPrediction_WithSeedsCountingUp()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Succeeded("a", OutputUrl), HttpStatusCode.Created)
            .Respond(Succeeded("b", "https://replicate.delivery/xezq/def/out-0.png"), HttpStatusCode.Created);
        using var generator = Generator(handler);

        var response = await generator.GenerateImagesAsync("a fox", new ImageGenerationOptions
        {
            ModelId = "black-forest-labs/flux-pro",
            Count = 2,
            ResponseFormat = ImageGenerationResponseFormat.Uri,
            AdditionalProperties = new() { [ReplicatePropertyNames.Seed] = 7L },
        }, TestContext.Current.CancellationToken);

        response.Contents.Count.ShouldBe(2);
        VerbatimHttpHandler.AssertJsonEqual("""{"input":{"prompt":"a fox","seed":7}}""", handler.Requests[0].Body!);
        VerbatimHttpHandler.AssertJsonEqual("""{"input":{"prompt":"a fox","seed":8}}""", handler.Requests[1].Body!);
        response.Usage!.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(1400);
    }

    [Fact]
    public async Task ExtraInput_IsMergedLast()
    {
        var handler = new VerbatimHttpHandler().Respond(Succeeded("i3", OutputUrl), HttpStatusCode.Created);
        using var generator = Generator(handler);

        await generator.GenerateImagesAsync("x", new ImageGenerationOptions
        {
            ResponseFormat = ImageGenerationResponseFormat.Uri,
            AdditionalProperties = new() { [ReplicatePropertyNames.Input] = """{"go_fast":true,"megapixels":"1"}""", [ReplicatePropertyNames.AspectRatio] = "21:9" },
        }, TestContext.Current.CancellationToken);

        VerbatimHttpHandler.AssertJsonEqual("""{"input":{"prompt":"x","aspect_ratio":"21:9","go_fast":true,"megapixels":"1"}}""", handler.Requests[0].Body!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task EmptyPrompt_IsArgumentException(string prompt)
    {
        var handler = new VerbatimHttpHandler();
        using var generator = Generator(handler);
        await Should.ThrowAsync<ArgumentException>(() => generator.GenerateImagesAsync(prompt, cancellationToken: TestContext.Current.CancellationToken));
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PreCancelled_ThrowsOperationCanceled_AndSendsNothing()
    {
        var handler = new VerbatimHttpHandler();
        using var generator = Generator(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => generator.GenerateImagesAsync("x", cancellationToken: cts.Token));
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task OutputRedirect_IsRefused()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Succeeded("r1", OutputUrl), HttpStatusCode.Created)
            .Respond(string.Empty, HttpStatusCode.Found, "text/plain", new Dictionary<string, string> { ["Location"] = "http://10.0.0.5/secret.png" });
        using var generator = Generator(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync("x", cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("output_url_refused");
        ex.Message.ShouldContain("redirect");
        handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("http://replicate.delivery/out.png", "plain http")]
    [InlineData("https://10.1.2.3/out.png", "private")]
    [InlineData("https://192.168.1.1/out.png", "private")]
    [InlineData("https://[fd00::1]/out.png", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://127.0.0.1:9/out.png", "loopback")]
    public async Task OutputUrl_ToAPrivateOrPlainAddress_IsRefused_WithoutFetching(string url, string reason)
    {
        var handler = new VerbatimHttpHandler().Respond(Succeeded("r2", url), HttpStatusCode.Created);
        using var generator = Generator(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync("x", cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("output_url_refused");
        ex.Message.ShouldContain(reason, Case.Insensitive);
        handler.Requests.Count.ShouldBe(1, "nothing is fetched from a refused URL");
    }

    [Fact]
    public async Task OversizeOutput_IsCapped()
    {
        var big = new byte[5000];
        Fixtures.Png.CopyTo(big, 0);
        var handler = new VerbatimHttpHandler()
            .Respond(Succeeded("o1", OutputUrl), HttpStatusCode.Created)
            .Respond(big, HttpStatusCode.OK, "image/png");
        using var generator = Generator(handler, configure: o => o.MaxOutputBytes = 1000);

        var ex = await Should.ThrowAsync<ResponseTooLargeException>(() => generator.GenerateImagesAsync("x", cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("MaxOutputBytes");
        ex.ProviderId.ShouldBe("replicate");
    }

    [Fact]
    public async Task DownloadedBytes_WithoutAMediaType_AreSniffed()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Succeeded("s1", "https://replicate.delivery/x/out"), HttpStatusCode.Created)
            .Respond(Fixtures.Png, HttpStatusCode.OK, "application/octet-stream");
        using var generator = Generator(handler);

        var response = await generator.GenerateImagesAsync("x", cancellationToken: TestContext.Current.CancellationToken);

        response.Contents.OfType<DataContent>().ShouldHaveSingleItem().MediaType.ShouldBe("image/png");
    }

    [Fact]
    public async Task SucceededWithoutAnImage_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Prediction("n1", "succeeded", JsonValue.Create("not a url")), HttpStatusCode.Created);
        using var generator = Generator(handler);
        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateImagesAsync("x", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Metadata_NamesTheProvider_AndTheDefaultModel()
    {
        using var generator = Generator(new VerbatimHttpHandler());
        var metadata = generator.GetService<ImageGeneratorMetadata>()!;
        metadata.ProviderName.ShouldBe("replicate");
        metadata.DefaultModelId.ShouldBe("black-forest-labs/flux-schnell");
        generator.GetService<ProviderDescriptor>()!.Capabilities.HasFlag(ModelCapabilities.Image).ShouldBeTrue();
        generator.GetService(typeof(ImageGeneratorMetadata), "key").ShouldBeNull();
    }

    [Theory]
    [InlineData(1024, 1024, "1:1")]
    [InlineData(1792, 1024, "16:9")]
    [InlineData(1024, 1792, "9:16")]
    [InlineData(1536, 1024, "3:2")]
    [InlineData(2560, 1080, "21:9")]
    public void NearestAspectRatio(int width, int height, string expected) =>
        Internal.ReplicateImageMapper.NearestAspectRatio(width, height).ShouldBe(expected);
}
