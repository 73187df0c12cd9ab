// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The embeddings contract every provider with embeddings meets, against the emulator. A provider derives it once and returns its
/// generator from <see cref="CreateGenerator"/> (<see langword="null"/> skips).
/// </summary>
public abstract class EmbeddingGeneratorConformanceTests : EmulatorConformanceSuite
{
    /// <summary>Initializes a new instance of the <see cref="EmbeddingGeneratorConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected EmbeddingGeneratorConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Gets the embedding model requested.</summary>
    protected virtual string ModelId => EmulatorDefaults.EmbeddingModel;

    /// <summary>Gets a value indicating whether <see cref="EmbeddingGenerationOptions.Dimensions"/> is honoured.</summary>
    protected virtual bool SupportsDimensions => true;

    /// <summary>Gets a value indicating whether the vendor reports token usage for embeddings.</summary>
    protected virtual bool ReportsUsage => true;

    /// <summary>Creates the generator pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The generator.</returns>
    protected abstract IEmbeddingGenerator<string, Embedding<float>>? CreateGenerator(EmulatorServer emulator, string apiKey);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Generate_ReturnsOneVectorPerInput_InOrder_Deterministic()
    {
        using var generator = Create();
        var result = await generator.GenerateAsync(["hello world", "goodbye", "hello world"], Options(), TestContext.Current.CancellationToken);

        result.Count.ShouldBe(3);
        result.ShouldAllBe(e => e.Vector.Length == EmulatorDefaults.EmbeddingDimensions);
        result[0].Vector.ToArray().ShouldBe(result[2].Vector.ToArray(), "the same text embeds the same");
        result[0].Vector.ToArray().ShouldNotBe(result[1].Vector.ToArray(), "different texts embed differently (order kept)");
        result[0].Vector.ToArray().ShouldContain(v => v != 0f);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Generate_ReportsModelAndUsage()
    {
        SkipUnless(ReportsUsage, "embedding usage");
        using var generator = Create();
        var result = await generator.GenerateAsync(["one two three"], Options(), TestContext.Current.CancellationToken);

        result.Usage.ShouldNotBeNull();
        result.Usage.InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        result[0].ModelId.ShouldBe(ModelId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Generate_HonoursDimensions()
    {
        SkipUnless(SupportsDimensions, "dimensions");
        using var generator = Create();
        var options = Options();
        options.Dimensions = 4;
        var result = await generator.GenerateAsync(["hello"], options, TestContext.Current.CancellationToken);

        result.ShouldHaveSingleItem().Vector.Length.ShouldBe(4);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId()
    {
        using var generator = Create();
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        metadata.ShouldNotBeNull();
        metadata.ProviderName.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<AuthenticationException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "5", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_MalformedJson_IsInvalidResponseException()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.MalformedJson, Count = 1 });

        await Should.ThrowAsync<InvalidResponseException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var generator = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => generator.GenerateAsync(["hello"], Options(), cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    /// <summary>Creates the options every call uses.</summary>
    /// <returns>The options.</returns>
    protected virtual EmbeddingGenerationOptions Options() => new() { ModelId = ModelId };

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected IEmbeddingGenerator<string, Embedding<float>> Create([CallerMemberName] string test = "") => RequireClient(CreateGenerator(Emulator, ConformanceConstants.ApiKey), test);
}
