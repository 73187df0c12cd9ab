// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The text-to-speech contract (<see cref="ITextToSpeechClient"/>), against the emulator's speech routes: audio with a media type,
/// streamed chunks whose concatenation is the whole audio, options honoured, cancellation, typed 401/429/5xx, a cut body as
/// <see cref="IncompleteStreamException"/>, metadata and <c>GetService</c>. A null client skips.
/// </summary>
public abstract class TextToSpeechConformanceTests : EmulatorConformanceSuite
{
    /// <summary>The text every case speaks.</summary>
    protected const string Text = "Ask not what your country can do for you.";

    /// <summary>Initializes a new instance of the <see cref="TextToSpeechConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected TextToSpeechConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Gets a voice id the emulator knows for this vendor; the options test sends it and expects it on the wire.</summary>
    protected abstract string VoiceId { get; }

    /// <summary>Gets a non-default audio format (as <see cref="TextToSpeechOptions.AudioFormat"/>) the vendor supports.</summary>
    protected abstract string AlternateAudioFormat { get; }

    /// <summary>Gets the media type the audio has in <see cref="AlternateAudioFormat"/>.</summary>
    protected abstract string AlternateMediaType { get; }

    /// <summary>Gets a fragment of the path of the vendor's speech request (for example <c>audio/speech</c>).</summary>
    protected abstract string SpeechPath { get; }

    /// <summary>Creates the client pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The client.</returns>
    protected abstract ITextToSpeechClient? CreateTextToSpeechClient(EmulatorServer emulator, string apiKey);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetAudio_ReturnsAudio_WithAMediaType()
    {
        using var client = Create();
        var response = await client.GetAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken);

        var audio = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        audio.MediaType.ShouldStartWith("audio/");
        audio.Data.Length.ShouldBeGreaterThan(0);
        Fixture.Server.Requests.Last(r => r.Vendor == EmulatorVendor).Path.ShouldContain(SpeechPath);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetStreamingAudio_YieldsChunksInOrder_WhoseConcatenationIsTheAudio()
    {
        using var client = Create();
        var whole = (await client.GetAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken)).Contents.OfType<DataContent>().Single();

        var chunks = new List<DataContent>();
        await foreach (var update in client.GetStreamingAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken))
        {
            chunks.AddRange(update.Contents.OfType<DataContent>());
        }

        chunks.ShouldNotBeEmpty();
        chunks.ShouldAllBe(c => c.MediaType == whole.MediaType);
        chunks.SelectMany(c => c.Data.ToArray()).ToArray().ShouldBe(whole.Data.ToArray());
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Options_VoiceAndFormat_AreHonoured()
    {
        using var client = Create();
        var response = await client.GetAudioAsync(
            Text, new TextToSpeechOptions { VoiceId = VoiceId, AudioFormat = AlternateAudioFormat }, TestContext.Current.CancellationToken);

        response.Contents.OfType<DataContent>().ShouldHaveSingleItem().MediaType.ShouldBe(AlternateMediaType);
        var request = Fixture.Server.Requests.Last(r => r.Vendor == EmulatorVendor);
        (request.Path + request.Query + request.Body).ShouldContain(VoiceId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var client = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetAudioAsync(Text, cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "6", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_500_IsATransientProviderError()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status500, Count = 1 });

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken));
        ex.StatusCode.ShouldBe(500);
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken));
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task TruncatedStream_IsIncompleteStreamException_NeverSuccess()
    {
        using var client = Create();
        using var fault = Fixture.Fault(EmulatorFault.CutStreamAfterChunks(EmulatorVendor, 1));

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var _ in client.GetStreamingAudioAsync(Text, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId_AndGetServiceFollowsTheRules()
    {
        using var client = Create();
        client.GetService<TextToSpeechClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(ProviderId);
        client.GetService(client.GetType()).ShouldBeSameAs(client);
        client.GetService(typeof(TextToSpeechClientMetadata), "some-key").ShouldBeNull();
    }

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected ITextToSpeechClient Create([CallerMemberName] string test = "") => RequireClient(CreateTextToSpeechClient(Fixture.Server, ConformanceConstants.ApiKey), test);
}
