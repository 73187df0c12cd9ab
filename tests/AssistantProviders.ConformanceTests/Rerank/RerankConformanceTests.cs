// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>The rerank contract (<see cref="IRerankClient"/>), against the emulator. A null client skips.</summary>
public abstract class RerankConformanceTests : EmulatorConformanceSuite
{
    private static readonly string[] Documents =
    [
        "Bananas are yellow.",
        "Paris is the capital of France.",
        "The Eiffel Tower is in Paris, the capital city of France.",
        "Rust is a systems programming language.",
    ];

    /// <summary>Initializes a new instance of the <see cref="RerankConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected RerankConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Creates the rerank client pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The client.</returns>
    protected abstract IRerankClient? CreateRerankClient(EmulatorServer emulator, string apiKey);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Rerank_ScoresEveryDocument_BestFirst_WithValidIndices()
    {
        var client = Create();
        var result = await client.RerankAsync("What is the capital of France?", Documents, cancellationToken: TestContext.Current.CancellationToken);

        result.Results.Count.ShouldBe(Documents.Length);
        result.Results.Select(r => r.Index).OrderBy(i => i).ShouldBe([0, 1, 2, 3]);
        result.Results.Select(r => r.RelevanceScore).ShouldBeInOrder(SortDirection.Descending);
        result.Results[0].Index.ShouldBeOneOf(1, 2);
        result.Results[^1].RelevanceScore.ShouldBeLessThan(result.Results[0].RelevanceScore);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Rerank_TopN_LimitsTheResults()
    {
        var client = Create();
        var result = await client.RerankAsync("capital of France", Documents, new RerankOptions { TopN = 2 }, TestContext.Current.CancellationToken);

        result.Results.Count.ShouldBe(2);
        result.Results.ShouldAllBe(r => r.Index >= 0 && r.Index < Documents.Length);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "4", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.RerankAsync("q", Documents, cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.RerankAsync("q", Documents, cancellationToken: TestContext.Current.CancellationToken));
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        var client = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.RerankAsync("q", Documents, cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected IRerankClient Create([CallerMemberName] string test = "") => RequireClient(CreateRerankClient(Fixture.Server, ConformanceConstants.ApiKey), test);
}
