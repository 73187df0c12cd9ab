// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;
using AssistantProviders.Routing;

namespace AssistantProviders.ConformanceTests.Routing;

/// <summary>
/// The router over real provider packages on the loopback emulator: cross-vendor failover (each vendor speaking its own wire
/// format), and stream/non-stream cost parity for every provider (the same answer must cost the same either way).
/// </summary>
public sealed class RoutedProvidersTests
{
    public static TheoryData<string> ChatProviders => new(RoutedProviders.All.Keys);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Router_FailsOver_Anthropic_Then_Gemini_Then_Mistral()
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        emulator.Faults.Add(new EmulatorFault { Vendor = "anthropic", Kind = FaultKind.Status529 });
        emulator.Faults.Add(new EmulatorFault { Vendor = "gemini", Kind = FaultKind.Status500 });
        await using var services = RoutedProviders.Build(emulator, ["anthropic", "gemini", "mistral"]);
        var chat = services.GetRequiredService<IChatClient>();

        var response = await chat.GetResponseAsync("Hello?", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe(EmulatorDefaults.AnswerText);
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("mistral");
        var attempts = (IReadOnlyList<RouteAttempt>)response.AdditionalProperties[AssistantProviderProperties.Attempts]!;
        attempts.Select(a => (a.Provider, a.Outcome)).ShouldBe(
        [
            ("anthropic", RouteAttemptOutcome.Failed),
            ("gemini", RouteAttemptOutcome.Failed),
            ("mistral", RouteAttemptOutcome.Succeeded),
        ]);
        attempts[0].ErrorKind.ShouldBe(ProviderErrorKind.Overloaded);
        attempts[1].ErrorKind.ShouldBe(ProviderErrorKind.ServerError);
        emulator.GetRequestCount("anthropic").ShouldBe(1);
        emulator.GetRequestCount("gemini").ShouldBe(1);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Router_StreamFailsOver_BeforeTheFirstUpdate_AcrossWireFormats()
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        emulator.Faults.Add(new EmulatorFault { Vendor = "anthropic", Kind = FaultKind.Status529 });
        emulator.Faults.Add(new EmulatorFault { Vendor = "gemini", Kind = FaultKind.Status500 });
        await using var services = RoutedProviders.Build(emulator, ["anthropic", "gemini", "mistral"]);
        var chat = services.GetRequiredService<IChatClient>();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Hello?", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        string.Concat(updates.Select(u => u.Text)).ShouldBe(EmulatorDefaults.AnswerText);
        updates[^1].AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("mistral");
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [MemberData(nameof(ChatProviders))]
    public async Task SameAnswer_CostsTheSame_StreamedOrNot(string providerId)
    {
        await using var emulator = await EmulatorServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var services = RoutedProviders.Build(emulator, [providerId]);
        var chat = services.GetRequiredService<IChatClient>();
        var ct = TestContext.Current.CancellationToken;

        var whole = await chat.GetResponseAsync("Tell me something.", cancellationToken: ct);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Tell me something.", cancellationToken: ct))
        {
            updates.Add(update);
        }

        var wholeCost = whole.GetCost().ShouldNotBeNull();
        var streamedCosts = updates.Select(u => u.GetCost()).Where(c => c is not null).ToList();
        streamedCosts.Count.ShouldBe(1, "the cost is attached once, on the final update");
        var streamedCost = streamedCosts[0]!;

        wholeCost.Confidence.ShouldBe(CostConfidence.Exact, $"{providerId}/{whole.ModelId} must be priced and report usage");
        streamedCost.Confidence.ShouldBe(wholeCost.Confidence);
        streamedCost.Total.ShouldBe(wholeCost.Total);
        streamedCost.Input.ShouldBe(wholeCost.Input);
        streamedCost.Output.ShouldBe(wholeCost.Output);
    }
}
