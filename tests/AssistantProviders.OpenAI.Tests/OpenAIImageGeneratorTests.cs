// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.OpenAI.Tests;

public sealed class OpenAIImageGeneratorTests
{
    private const string Key = "sk-test-images-1234567890";

    // A 1x1 PNG.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static readonly string GptImageAnswer = $$$"""
        {"created":1713833628,"data":[{"b64_json":"{{{PngBase64}}}"},{"b64_json":"{{{PngBase64}}}"}],"background":"opaque","output_format":"png",
         "size":"1536x1024","quality":"high","usage":{"total_tokens":8340,"input_tokens":20,"output_tokens":8320,"input_tokens_details":{"text_tokens":20,"image_tokens":0}} }
        """;

    [Fact]
    public async Task GptImage1_SendsASpecValidBody_AndMapsBase64ImagesAndTokenUsage()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/v1/images/generations" }.Respond(GptImageAnswer);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));

        var response = await generator.GenerateImagesAsync("A lighthouse at dusk", new ImageGenerationOptions
        {
            Count = 2,
            ImageSize = new Size(1536, 1024),
            MediaType = "image/png",
            AdditionalProperties = new() { [OpenAIPropertyNames.ImageQuality] = "High", [OpenAIPropertyNames.ImageBackground] = "opaque" },
        });

        var images = response.Contents.OfType<DataContent>().ToList();
        images.Count.ShouldBe(2);
        images.ShouldAllBe(i => i.MediaType == "image/png");
        images[0].Data.ToArray().ShouldBe(Convert.FromBase64String(PngBase64));
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldBe(20);
        response.Usage.OutputTokenCount.ShouldBe(8320);
        response.Usage.TotalTokenCount.ShouldBe(8340);
        response.Usage.AdditionalCounts!["input_text_tokens"].ShouldBe(20);

        var request = handler.Requests.Single();
        request.Headers["Authorization"].ShouldBe("Bearer " + Key);
        OpenApiRequestValidator.ForProvider("openai", "openapi.yaml").AssertValid(request);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        body["model"]!.GetValue<string>().ShouldBe("gpt-image-1");
        body["prompt"]!.GetValue<string>().ShouldBe("A lighthouse at dusk");
        body["n"]!.GetValue<int>().ShouldBe(2);
        body["size"]!.GetValue<string>().ShouldBe("1536x1024");
        body["quality"]!.GetValue<string>().ShouldBe("high");
        body["output_format"]!.GetValue<string>().ShouldBe("png");
        body["background"]!.GetValue<string>().ShouldBe("opaque");
        body.ContainsKey("response_format").ShouldBeFalse("GPT image models reject response_format");
    }

    [Fact]
    public async Task DallE3_UriFormat_AsksForUrls_AndMapsUriContentWithTheRevisedPrompt()
    {
        var handler = new VerbatimHttpHandler().Respond("""
            {"created":1713833628,"data":[{"url":"https://oaidalleapiprodscus.blob.core.windows.net/private/img-abc.png?sig=x","revised_prompt":"A tall lighthouse at dusk"}]}
            """);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));

        var response = await generator.GenerateImagesAsync("A lighthouse", new ImageGenerationOptions
        {
            ModelId = "dall-e-3",
            ResponseFormat = ImageGenerationResponseFormat.Uri,
            ImageSize = new Size(1792, 1024),
            AdditionalProperties = new() { ["quality"] = "hd", [OpenAIPropertyNames.ImageStyle] = "natural" },
        });

        var image = response.Contents.OfType<UriContent>().ShouldHaveSingleItem();
        image.Uri.Host.ShouldBe("oaidalleapiprodscus.blob.core.windows.net");
        image.MediaType.ShouldBe("image/png");
        image.AdditionalProperties![OpenAIPropertyNames.ImageRevisedPrompt].ShouldBe("A tall lighthouse at dusk");
        response.Usage.ShouldBeNull();

        var request = handler.Requests.Single();
        OpenApiRequestValidator.ForProvider("openai", "openapi.yaml").AssertValid(request);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        body["response_format"]!.GetValue<string>().ShouldBe("url");
        body["quality"]!.GetValue<string>().ShouldBe("hd");
        body["style"]!.GetValue<string>().ShouldBe("natural");
        body.ContainsKey("n").ShouldBeFalse();
        body.ContainsKey("output_format").ShouldBeFalse();
    }

    [Fact]
    public async Task DallE_DefaultFormat_AsksForBase64()
    {
        var handler = new VerbatimHttpHandler().Respond($$$"""{"created":1,"data":[{"b64_json":"{{{PngBase64}}}"}]}""");
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key, DefaultImageModel = "dall-e-2" }, new HttpClient(handler));

        var response = await generator.GenerateImagesAsync("A cat");

        response.Contents.OfType<DataContent>().ShouldHaveSingleItem().MediaType.ShouldBe("image/png");
        var body = JsonNode.Parse(handler.Requests.Single().Body!)!.AsObject();
        body["model"]!.GetValue<string>().ShouldBe("dall-e-2");
        body["response_format"]!.GetValue<string>().ShouldBe("b64_json");
        generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId.ShouldBe("dall-e-2");
    }

    [Fact]
    public async Task Edit_SendsMultipartToEdits_WithTheImageAndFields()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/v1/images/edits" }.Respond(GptImageAnswer);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        var original = new DataContent(Convert.FromBase64String(PngBase64), "image/png");

        var response = await generator.EditImageAsync(original, "Add a moon", new ImageGenerationOptions { Count = 2, ImageSize = new Size(1024, 1024) });

        response.Contents.OfType<DataContent>().Count().ShouldBe(2);
        var request = handler.Requests.Single();
        var body = request.Body!;
        body.ShouldContain("name=image;");
        body.ShouldContain("filename=image-1.png");
        body.ShouldContain("name=prompt");
        body.ShouldContain("Add a moon");
        body.ShouldContain("name=model");
        body.ShouldContain("gpt-image-1");
        body.ShouldContain("name=size");
        body.ShouldContain("1024x1024");
        body.ShouldNotContain("response_format");
    }

    [Fact]
    public async Task Edit_WithDallE3_OrAUri_IsNotSupported_AndSendsNothing()
    {
        var handler = new VerbatimHttpHandler();
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        var png = new DataContent(Convert.FromBase64String(PngBase64), "image/png");

        await Should.ThrowAsync<NotSupportedException>(() => generator.EditImageAsync(png, "x", new ImageGenerationOptions { ModelId = "dall-e-3" }));
        await Should.ThrowAsync<NotSupportedException>(() =>
            generator.GenerateAsync(new ImageGenerationRequest("x", [new UriContent(new Uri("https://example.com/a.png"), "image/png")])));
        handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task EmptyPrompt_IsArgumentException(string prompt)
    {
        var handler = new VerbatimHttpHandler();
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        await Should.ThrowAsync<ArgumentException>(() => generator.GenerateImagesAsync(prompt));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { Count = 0 }));
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PreCancelledToken_ThrowsOperationCanceled_AndSendsNothing()
    {
        var handler = new VerbatimHttpHandler().Respond(GptImageAnswer);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => generator.GenerateImagesAsync("x", cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Errors_AreTyped_AndNeverContainTheKey()
    {
        var handler = new VerbatimHttpHandler()
            .Respond($$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}.","type":"invalid_request_error","code":"invalid_api_key"}}""", HttpStatusCode.Unauthorized)
            .Respond("""{"error":{"message":"Rate limit reached for images per minute.","type":"requests","code":"rate_limit_exceeded"}}""", HttpStatusCode.TooManyRequests,
                headers: new Dictionary<string, string> { ["Retry-After"] = "12" })
            .Respond("""{"error":{"message":"Your request was rejected as a result of our safety system.","type":"invalid_request_error","code":"content_policy_violation"}}""", HttpStatusCode.BadRequest)
            .Respond("""{"error":{"message":"Invalid size '100x100'.","type":"invalid_request_error","param":"size","code":"invalid_value"}}""", HttpStatusCode.BadRequest)
            .Respond("""{"error":{"message":"The server had an error.","type":"server_error","code":null}}""", HttpStatusCode.InternalServerError);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));

        var auth = await Should.ThrowAsync<AuthenticationException>(() => generator.GenerateImagesAsync("x"));
        auth.ToString().ShouldNotContain(Key);
        auth.ProviderId.ShouldBe("openai");
        var limited = await Should.ThrowAsync<RateLimitedException>(() => generator.GenerateImagesAsync("x"));
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
        await Should.ThrowAsync<ContentFilteredException>(() => generator.GenerateImagesAsync("x"));
        var invalid = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync("x"));
        invalid.StatusCode.ShouldBe(400);
        invalid.IsTransient.ShouldBeFalse();
        invalid.ModelId.ShouldBe("gpt-image-1");
        var server = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync("x"));
        server.IsTransient.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"%%% not base64 %%%\"}]}")]
    [InlineData("{\"created\":1,\"data\":[]}")]
    [InlineData("{\"created\":1,\"data\":[{\"url\":\"ftp://example.com/a.png\"}]}")]
    [InlineData("{\"created\":1,\"data\":[{\"b64_json\":")]
    public async Task BadAnswers_AreInvalidResponseException(string answer)
    {
        var handler = new VerbatimHttpHandler().Respond(answer);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        var ex = await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateImagesAsync("x"));
        ex.ProviderId.ShouldBe("openai");
    }

    [Fact]
    public async Task OversizeAnswer_IsResponseTooLarge()
    {
        var handler = new VerbatimHttpHandler().Respond(GptImageAnswer);
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key, MaxResponseBytes = 128 }, new HttpClient(handler));
        await Should.ThrowAsync<ResponseTooLargeException>(() => generator.GenerateImagesAsync("x"));
    }

    [Fact]
    public async Task MediaType_FollowsTheBytes_NotJustTheDeclaredFormat()
    {
        var jpeg = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);
        var handler = new VerbatimHttpHandler().Respond($$$"""{"created":1,"data":[{"b64_json":"{{{jpeg}}}"}],"output_format":"png"}""");
        using var generator = new OpenAIImageGenerator(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        var response = await generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/jpeg" });
        response.Contents.OfType<DataContent>().Single().MediaType.ShouldBe("image/jpeg");
        JsonNode.Parse(handler.Requests.Single().Body!)!["output_format"]!.GetValue<string>().ShouldBe("jpeg");
        await Should.ThrowAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/bmp" }));
    }

    [Fact]
    public void AddOpenAI_RegistersTheKeyedImageGenerator_WithMetadata()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["OPENAI_API_KEY"] = "sk-env-1234567890" });
        builder.AddOpenAI();
        using var sp = builder.Build();

        var generator = sp.GetRequiredKeyedService<IImageGenerator>("openai").ShouldBeOfType<OpenAIImageGenerator>();
        var metadata = generator.GetService<ImageGeneratorMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("openai");
        metadata.DefaultModelId.ShouldBe("gpt-image-1");
        generator.GetService<ProviderDescriptor>()!.Capabilities.HasFlag(ModelCapabilities.Image).ShouldBeTrue();
        generator.GetService<ImageGeneratorMetadata>("key").ShouldBeNull();
    }
}
