// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing;

/// <summary>
/// The image router (issue 16): image generation over the providers' keyed <see cref="IImageGenerator"/>s with failover,
/// budgets reserved per image at the requested size and quality, cheapest routing by image price, text-only models filtered,
/// an empty answer treated as a failure, and the cost attached to the response. Also the vision filter of the chat router.
/// </summary>
public sealed class ImageRoutingTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static IImageGenerator Images(RouterHarness harness) => harness.Provider.GetRequiredService<IImageGenerator>();

    [Fact]
    public async Task The_router_is_the_unkeyed_image_generator_and_sends_the_route_model_with_the_callers_options()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        var generator = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", generator);
        var options = new ImageGenerationOptions { ModelId = "a/pix-1", Count = 2, ImageSize = new System.Drawing.Size(1792, 1024), AdditionalProperties = new() { [ImageRouter.QualityProperty] = "HD" } };

        var response = await Images(harness).GenerateAsync(new ImageGenerationRequest("a red circle"), options, TestContext.Current.CancellationToken);

        harness.Provider.GetRequiredService<ImageRouter>().ShouldBeSameAs(Images(harness));
        generator.Prompts.ShouldBe(["a red circle"]);
        generator.LastOptions.ShouldNotBeNull().ModelId.ShouldBe("pix-1");
        generator.LastOptions.Count.ShouldBe(2);
        options.ModelId.ShouldBe("a/pix-1"); // the caller's options are not changed
        var begun = harness.Accounting.Begun.ShouldHaveSingleItem();
        (begun.Operation, begun.Images, begun.ImageVariant).ShouldBe(("image", 2, "1792x1024/hd"));
        var settled = harness.Accounting.Settled.ShouldHaveSingleItem().Result;
        (settled.Images, settled.ImageVariant).ShouldBe((2, "1792x1024/hd"));
        response.GetCost().ShouldNotBeNull().Total.ShouldBe(0.001m);
        var properties = response.GetAdditionalProperties();
        properties[AssistantProviderProperties.Provider].ShouldBe("a");
        properties[AssistantProviderProperties.Attempts].ShouldBeAssignableTo<IReadOnlyCollection<RouteAttempt>>().ShouldNotBeNull().Count.ShouldBe(1);
        properties[AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>();
    }

    [Fact]
    public async Task Without_a_size_nothing_picks_a_variant_and_one_image_is_reserved()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", new FakeImages());

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken);

        var begun = harness.Accounting.Begun.ShouldHaveSingleItem();
        (begun.Images, begun.ImageVariant).ShouldBe((1, (string?)null));
    }

    [Fact]
    public async Task A_vendor_that_reports_tokens_is_billed_by_tokens_not_per_image()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", new FakeImages { Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 4160 } });

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken);

        var settled = harness.Accounting.Settled.ShouldHaveSingleItem().Result;
        settled.Images.ShouldBeNull();
        settled.Usage.ShouldNotBeNull().OutputTokenCount.ShouldBe(4160);
    }

    [Fact]
    public async Task The_images_billed_are_the_images_returned()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", new FakeImages { Returned = 3 });

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), new ImageGenerationOptions { Count = 4 }, TestContext.Current.CancellationToken);

        harness.Accounting.Begun.ShouldHaveSingleItem().Images.ShouldBe(4);
        harness.Accounting.Settled.ShouldHaveSingleItem().Result.Images.ShouldBe(3);
    }

    [Fact]
    public async Task A_failing_route_fails_over_to_the_next()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        var failing = new FakeImages { Failure = new AssistantProviderException("boom") { Kind = ProviderErrorKind.ServerError, ProviderId = "a" } };
        var serving = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", failing);
        harness.Services.AddKeyedSingleton<IImageGenerator>("b", serving);

        var response = await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken);

        (failing.Prompts.Count, serving.Prompts.Count).ShouldBe((1, 1));
        response.Contents.ShouldHaveSingleItem().ShouldBeOfType<DataContent>().MediaType.ShouldBe("image/png");
        harness.Accounting.Released.Count.ShouldBe(1);
        harness.Accounting.Settled.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_without_images_is_a_failed_attempt_never_an_empty_success()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", new FakeImages { Returned = 0 });
        var serving = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("b", serving);

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken);

        serving.Prompts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_without_images_from_the_only_route_throws_a_typed_error()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", new FakeImages { Returned = 0 });

        var error = await Should.ThrowAsync<AssistantProviderException>(
            Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken));

        var root = error as InvalidResponseException ?? error.InnerException.ShouldBeOfType<InvalidResponseException>();
        root.Message.ShouldContain("no image");
        harness.Accounting.Settled.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cheapest_compares_the_price_of_the_images_asked_for()
    {
        using var harness = new RouterHarness(o => o.Strategy = RoutingStrategy.Cheapest);
        harness.Add("dear");
        harness.Add("cheap");
        harness.Accounting.UnitPrices["dear/pix"] = 0.04m;
        harness.Accounting.UnitPrices["cheap/pix"] = 0.003m;
        var dear = new FakeImages();
        var cheap = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("dear", dear);
        harness.Services.AddKeyedSingleton<IImageGenerator>("cheap", cheap);

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), new ImageGenerationOptions { ModelId = "pix" }, TestContext.Current.CancellationToken);

        (cheap.Prompts.Count, dear.Prompts.Count).ShouldBe((1, 0));
    }

    [Fact]
    public async Task A_model_the_catalog_knows_as_text_only_is_skipped_with_a_reason()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Accounting.AddModel("a", "chat-only", 8000, ModelCapabilities.Chat);
        var generator = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", generator);

        var error = await Should.ThrowAsync<NoEligibleRouteException>(
            Images(harness).GenerateAsync(new ImageGenerationRequest("x"), new ImageGenerationOptions { ModelId = "a/chat-only" }, TestContext.Current.CancellationToken));

        error.Reasons.ShouldHaveSingleItem().ShouldContain("model does not generate images");
        generator.Prompts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Providers_without_an_image_generator_are_not_routes()
    {
        using var harness = new RouterHarness();
        harness.Add("text");
        harness.Add("pix");
        var generator = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("pix", generator);

        await Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: TestContext.Current.CancellationToken);

        generator.Prompts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_sent()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        var generator = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", generator);
        var router = Images(harness);
        var ct = TestContext.Current.CancellationToken;

        await Should.ThrowAsync<ArgumentNullException>(router.GenerateAsync(null!, cancellationToken: ct));
        (await Should.ThrowAsync<ArgumentException>(router.GenerateAsync(new ImageGenerationRequest("  "), cancellationToken: ct))).ParamName.ShouldBe("request");
        await Should.ThrowAsync<ArgumentOutOfRangeException>(router.GenerateAsync(new ImageGenerationRequest("x"), new ImageGenerationOptions { Count = 0 }, ct));
        generator.Prompts.ShouldBeEmpty();
        harness.Accounting.Begun.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancellation_before_the_call_sends_nothing()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        var generator = new FakeImages();
        harness.Services.AddKeyedSingleton<IImageGenerator>("a", generator);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(Images(harness).GenerateAsync(new ImageGenerationRequest("x"), cancellationToken: cts.Token));

        generator.Prompts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1024, 1024, null, "1024x1024")]
    [InlineData(1024, 1792, " High ", "1024x1792/high")]
    [InlineData(0, 1024, "hd", null)]
    public void The_variant_is_the_size_and_the_lower_cased_quality(int width, int height, string? quality, string? expected)
    {
        var options = new ImageGenerationOptions { ImageSize = new System.Drawing.Size(width, height) };
        if (quality is not null)
        {
            options.AdditionalProperties = new() { [ImageRouter.QualityProperty] = quality };
        }

        ImageGenerationOperation.VariantOf(options).ShouldBe(expected);
    }

    [Fact]
    public async Task A_chat_request_with_an_image_skips_models_the_catalog_knows_have_no_image_input()
    {
        using var harness = new RouterHarness();
        var blind = harness.Add("blind", defaultModel: "text-1");
        var seeing = harness.Add("seeing", defaultModel: "vision-1");
        harness.Accounting.AddModel("blind", "text-1", 128_000, ModelCapabilities.Chat);
        harness.Accounting.AddModel("seeing", "vision-1", 128_000, ModelCapabilities.Chat | ModelCapabilities.Vision);
        var message = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(Png, "image/png")]);

        var response = await harness.Chat.GetResponseAsync([message], cancellationToken: TestContext.Current.CancellationToken);

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("seeing");
        blind.Chat.Calls.ShouldBe(0);
        var explanation = response.AdditionalProperties[AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>();
        explanation.Decisions.ShouldContain(d => d.Provider == "blind" && !d.Eligible && d.Reason.Contains("no image input"));
    }

    [Fact]
    public async Task A_chat_request_with_an_image_and_no_vision_model_throws_naming_the_reason()
    {
        using var harness = new RouterHarness();
        var blind = harness.Add("blind", defaultModel: "text-1");
        harness.Accounting.AddModel("blind", "text-1", 128_000, ModelCapabilities.Chat);
        var message = new ChatMessage(ChatRole.User, [new UriContent(new Uri("https://example.com/a.png"), "image/png")]);

        var error = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync([message], cancellationToken: TestContext.Current.CancellationToken));

        error.Reasons.ShouldHaveSingleItem().ShouldContain("no image input");
        blind.Chat.Calls.ShouldBe(0);
    }

    private sealed class FakeImages : IImageGenerator
    {
        public List<string?> Prompts { get; } = [];

        public ImageGenerationOptions? LastOptions { get; private set; }

        /// <summary>Gets the images each call returns (default: as many as asked for).</summary>
        public int? Returned { get; init; }

        public UsageDetails? Usage { get; init; }

        public Exception? Failure { get; init; }

        public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Prompts.Add(request.Prompt);
            LastOptions = options;
            if (Failure is not null)
            {
                throw Failure;
            }

            var contents = Enumerable.Range(0, Returned ?? options?.Count ?? 1).Select(_ => (AIContent)new DataContent(Png, "image/png")).ToList();
            return Task.FromResult(new ImageGenerationResponse(contents) { Usage = Usage });
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
