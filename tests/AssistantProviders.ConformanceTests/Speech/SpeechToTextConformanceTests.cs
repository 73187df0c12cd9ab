// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>The speech-to-text contract (<see cref="ISpeechToTextClient"/>), against the emulator's transcription routes. A null client skips.</summary>
public abstract class SpeechToTextConformanceTests : EmulatorConformanceSuite
{
    /// <summary>Initializes a new instance of the <see cref="SpeechToTextConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected SpeechToTextConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Creates the client pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The client.</returns>
    protected abstract ISpeechToTextClient? CreateSpeechToTextClient(EmulatorServer emulator, string apiKey);

    /// <summary>Gets a fragment of the path of the vendor's last transcription request (default the OpenAI-wire <c>audio/transcriptions</c>).</summary>
    protected virtual string TranscriptionPath => "audio/transcriptions";

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetText_ReturnsTheTranscript()
    {
        using var client = Create();
        using var audio = Audio();
        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }, TestContext.Current.CancellationToken);

        response.Text.ShouldBe(EmulatorDefaults.TranscriptText);
        Fixture.Server.Requests.Last(r => r.Vendor == EmulatorVendor).Path.ShouldContain(TranscriptionPath);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId()
    {
        using var client = Create();
        client.GetService<SpeechToTextClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "6", Count = 1 });
        using var audio = Audio();

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetTextAsync(audio, cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });
        using var audio = Audio();

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetTextAsync(audio, cancellationToken: TestContext.Current.CancellationToken));
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var client = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var audio = Audio();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetTextAsync(audio, cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    /// <summary>A tiny WAV written here (44-byte header plus silence), so the suite runs in every clone.</summary>
    private static MemoryStream Audio()
    {
        var data = new byte[44 + 1600];
        "RIFF"u8.CopyTo(data);
        BitConverter.TryWriteBytes(data.AsSpan(4), data.Length - 8);
        "WAVEfmt "u8.CopyTo(data.AsSpan(8));
        BitConverter.TryWriteBytes(data.AsSpan(16), 16);
        BitConverter.TryWriteBytes(data.AsSpan(20), (short)1);
        BitConverter.TryWriteBytes(data.AsSpan(22), (short)1);
        BitConverter.TryWriteBytes(data.AsSpan(24), 16000);
        BitConverter.TryWriteBytes(data.AsSpan(28), 32000);
        BitConverter.TryWriteBytes(data.AsSpan(32), (short)2);
        BitConverter.TryWriteBytes(data.AsSpan(34), (short)16);
        "data"u8.CopyTo(data.AsSpan(36));
        BitConverter.TryWriteBytes(data.AsSpan(40), 1600);
        return new MemoryStream(data);
    }

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected ISpeechToTextClient Create([CallerMemberName] string test = "") => RequireClient(CreateSpeechToTextClient(Fixture.Server, ConformanceConstants.ApiKey), test);
}
