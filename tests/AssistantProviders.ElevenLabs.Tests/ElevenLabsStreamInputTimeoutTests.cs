// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.ElevenLabs.Tests;

/// <summary>A <c>stream-input</c> server that never answers is bounded by the options' timeout on the client's clock (no sleeps, no real waiting).</summary>
public sealed class ElevenLabsStreamInputTimeoutTests
{
    [Fact]
    public async Task AServerThatNeverAnswers_IsAProviderTimeout_OnTheClientsClock()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.Faults.Add(EmulatorFault.Socket("elevenlabs", FaultKind.SocketStall, 0));
        var clock = new FakeTimeProvider();
        using var client = new ElevenLabsTextToSpeechClient(
            new ElevenLabsClientOptions { ApiKey = "xi-stall-test", Endpoint = server.ElevenLabsEndpoint, Timeout = TimeSpan.FromSeconds(5) }, null, null, clock);

        var run = DrainAsync(client);
        for (var i = 0; i < 100_000 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => run);
        ex.ProviderId.ShouldBe("elevenlabs");
        ex.IsTransient.ShouldBeTrue();
    }

    private static async Task DrainAsync(ElevenLabsTextToSpeechClient client)
    {
        await foreach (var _ in client.GetStreamingAudioFromTextAsync(Text(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken))
        {
        }
    }

    private static async IAsyncEnumerable<string> Text([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return "Hello there. ";
    }
}
