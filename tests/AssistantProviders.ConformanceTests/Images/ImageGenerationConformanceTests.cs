// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Drawing;
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The image-generation contract (<see cref="IImageGenerator"/>), against the emulator's image routes: a real image as
/// <see cref="DataContent"/> (media type and magic bytes agree), count and size honoured, URL output where the vendor has it,
/// cancellation before anything is sent, typed 401/429/5xx, malformed JSON, an empty prompt, an oversize answer capped,
/// metadata and <c>GetService</c>. A null generator skips.
/// </summary>
public abstract class ImageGenerationConformanceTests : EmulatorConformanceSuite
{
    /// <summary>The prompt every case sends.</summary>
    protected const string Prompt = "A red circle, a blue square and a green triangle on a white background.";

    /// <summary>The response cap of the oversize case, in bytes; an ordinary emulator answer must fit well inside it.</summary>
    protected const long SmallResponseCap = 64 * 1024;

    /// <summary>Initializes a new instance of the <see cref="ImageGenerationConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected ImageGenerationConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Gets a fragment of the path of the vendor's image request (for example <c>images/generations</c>).</summary>
    protected abstract string ImagePath { get; }

    /// <summary>Gets the largest <see cref="ImageGenerationOptions.Count"/> the default model accepts in one call; below 2 skips the count case.</summary>
    protected virtual int MaxCount => 2;

    /// <summary>Gets a non-default size the vendor supports, or <see langword="null"/> to skip the size case.</summary>
    protected virtual Size? AlternateSize => null;

    /// <summary>Gets a value indicating whether the emulator's image has the requested pixel size (otherwise only the wire is checked).</summary>
    protected virtual bool ImageDimensionsFollowSize => true;

    /// <summary>Gets a model that answers with URLs when <see cref="ImageGenerationResponseFormat.Uri"/> is asked for, or <see langword="null"/> to skip.</summary>
    protected virtual string? UriModelId => null;

    /// <summary>Creates the generator pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <param name="maxResponseBytes">The response cap to configure, or <see langword="null"/> for the default.</param>
    /// <returns>The generator.</returns>
    protected abstract IImageGenerator? CreateImageGenerator(EmulatorServer emulator, string apiKey, long? maxResponseBytes);

    /// <summary>Gets the text the request must carry for <paramref name="size"/> (path, query or body). Default <c>WxH</c>.</summary>
    /// <param name="size">The requested size.</param>
    /// <returns>The fragment.</returns>
    protected virtual string SizeOnTheWire(Size size) => $"{size.Width}x{size.Height}";

    /// <summary>Creates the fault that makes the answer at least <paramref name="bytes"/> long. Default: an oversize body on the vendor.</summary>
    /// <param name="bytes">The minimum size.</param>
    /// <returns>The fault.</returns>
    protected virtual EmulatorFault OversizeFault(int bytes) => EmulatorFault.OversizeBody(EmulatorVendor, bytes);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Generate_ReturnsOneImage_AsDataContent_WithARealImage()
    {
        using var generator = Create();
        var response = await generator.GenerateImagesAsync(Prompt, new ImageGenerationOptions { Count = 1 }, TestContext.Current.CancellationToken);

        var image = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        image.MediaType.ShouldStartWith("image/");
        SniffMediaType(image.Data.Span).ShouldBe(image.MediaType);
        Emulator.Requests.Last(r => r.Vendor == EmulatorVendor).Path.ShouldContain(ImagePath);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Count_IsHonoured()
    {
        SkipUnless(MaxCount >= 2, "more than one image per request");
        using var generator = Create();
        var response = await generator.GenerateImagesAsync(Prompt, new ImageGenerationOptions { Count = 2 }, TestContext.Current.CancellationToken);

        var images = response.Contents.Where(c => c is DataContent or UriContent).ToList();
        images.Count.ShouldBe(2);
        images.OfType<DataContent>().ShouldAllBe(d => d.MediaType.StartsWith("image/", StringComparison.Ordinal));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Size_IsHonoured()
    {
        SkipUnless(AlternateSize is not null, "a choice of image size");
        var size = AlternateSize!.Value;
        using var generator = Create();
        var response = await generator.GenerateImagesAsync(Prompt, new ImageGenerationOptions { ImageSize = size }, TestContext.Current.CancellationToken);

        var request = Emulator.Requests.Last(r => r.Vendor == EmulatorVendor);
        (request.Path + request.Query + request.Body).ShouldContain(SizeOnTheWire(size));
        var image = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        if (ImageDimensionsFollowSize && image.MediaType == "image/png")
        {
            PngSize(image.Data.Span).ShouldBe(size);
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task UriFormat_ReturnsUriContent()
    {
        SkipUnless(UriModelId is not null, "image URLs");
        using var generator = Create();
        var response = await generator.GenerateImagesAsync(
            Prompt, new ImageGenerationOptions { ModelId = UriModelId, ResponseFormat = ImageGenerationResponseFormat.Uri }, TestContext.Current.CancellationToken);

        var image = response.Contents.OfType<UriContent>().ShouldHaveSingleItem();
        image.Uri.IsAbsoluteUri.ShouldBeTrue();
        image.MediaType.ShouldStartWith("image/");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_AndSendsNothing()
    {
        using var generator = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var before = Emulator.Requests.Count(r => r.Vendor == EmulatorVendor);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: cts.Token));

        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        Emulator.Requests.Count(r => r.Vendor == EmulatorVendor).ShouldBe(before);
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyPrompt_IsArgumentException_AndSendsNothing(string prompt)
    {
        using var generator = Create();
        var before = Emulator.Requests.Count(r => r.Vendor == EmulatorVendor);

        await Should.ThrowAsync<ArgumentException>(() => generator.GenerateImagesAsync(prompt, cancellationToken: TestContext.Current.CancellationToken));

        Emulator.Requests.Count(r => r.Vendor == EmulatorVendor).ShouldBe(before);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<AuthenticationException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        ex.ProviderId.ShouldBe(ProviderId);
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "7", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ProviderId.ShouldBe(ProviderId);
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_500_IsATransientProviderError()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status500, Count = 1 });

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        ex.StatusCode.ShouldBe(500);
        ex.IsTransient.ShouldBeTrue();
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_MalformedJson_IsInvalidResponseException()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.MalformedJson, Count = 1 });

        var ex = await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task OversizeOutput_IsCapped_AsResponseTooLargeException()
    {
        using var generator = Create(SmallResponseCap);
        var ordinary = await generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);
        ordinary.Contents.ShouldNotBeEmpty();
        using var fault = Fixture.Fault(OversizeFault((int)SmallResponseCap * 4));

        var ex = await Should.ThrowAsync<ResponseTooLargeException>(() => generator.GenerateImagesAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId_AndGetServiceFollowsTheRules()
    {
        using var generator = Create();
        generator.GetService<ImageGeneratorMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(ProviderId);
        generator.GetService(generator.GetType()).ShouldBeSameAs(generator);
        generator.GetService(typeof(ImageGeneratorMetadata), "some-key").ShouldBeNull();
    }

    /// <summary>The media type the bytes' magic number says (PNG, JPEG, WebP, GIF), or <c>unknown</c>.</summary>
    /// <param name="data">The image bytes.</param>
    /// <returns>The media type.</returns>
    protected static string SniffMediaType(ReadOnlySpan<byte> data) => data switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        _ => "unknown",
    };

    /// <summary>The width and height in a PNG's IHDR chunk.</summary>
    /// <param name="png">The PNG bytes.</param>
    /// <returns>The size.</returns>
    protected static Size PngSize(ReadOnlySpan<byte> png)
    {
        png.Length.ShouldBeGreaterThanOrEqualTo(24);
        png.Slice(12, 4).SequenceEqual("IHDR"u8).ShouldBeTrue("the first PNG chunk must be IHDR");
        return new Size(BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    /// <summary>Creates the generator or skips the test (null generator, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="maxResponseBytes">The response cap, or <see langword="null"/> for the default.</param>
    /// <param name="test">The calling test.</param>
    /// <returns>The generator.</returns>
    protected IImageGenerator Create(long? maxResponseBytes = null, [CallerMemberName] string test = "") =>
        RequireClient(CreateImageGenerator(Fixture.Server, ConformanceConstants.ApiKey, maxResponseBytes), test);
}
