// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Shared.Tests;

/// <summary>The shared audio head (Deepgram and AssemblyAI): container signatures, media types, the WAV format and data offset.</summary>
public sealed class AudioHeadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0 }, "mp3")]
    [InlineData(new byte[] { 0x66, 0x4C, 0x61, 0x43, 0 }, "flac")]
    [InlineData(new byte[] { 0x4F, 0x67, 0x67, 0x53, 0 }, "ogg")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4D, 0x34, 0x41 }, "mp4")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0 }, "webm")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "mpeg")]
    [InlineData(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, "aac")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20 }, "avi")]
    [InlineData(new byte[] { 0x46, 0x4F, 0x52, 0x4D, 0, 0, 0, 0, 0x41, 0x49, 0x46, 0x46 }, "aiff")]
    [InlineData(new byte[] { 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11 }, "asf")]
    [InlineData(new byte[] { 0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A }, "amr")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A }, null)]
    [InlineData(new byte[] { 1, 2 }, null)]
    public async Task Containers_AreRecognisedBySignature(byte[] bytes, string? expected) =>
        (await AudioHead.ReadAsync(new MemoryStream(bytes), Ct)).Container.ShouldBe(expected);

    [Fact]
    public async Task Wav_FormatAndDataOffset_AreRead()
    {
        var head = await AudioHead.ReadAsync(new MemoryStream(TestWav.Create(sampleRate: 8000)), Ct);

        head.Container.ShouldBe("wav");
        head.WavFormat.ShouldBe(1);
        head.WavChannels.ShouldBe(1);
        head.WavSampleRate.ShouldBe(8000);
        head.WavBitsPerSample.ShouldBe(16);
        head.WavDataOffset.ShouldBe(44);
    }

    [Fact]
    public async Task JfkWav_WithAListChunk_HasItsSamplesAtOffset78()
    {
        await using var file = File.OpenRead(RepoPaths.Audio("jfk.wav"));

        var head = await AudioHead.ReadAsync(file, Ct);

        head.Container.ShouldBe("wav");
        head.WavSampleRate.ShouldBe(16000);
        head.WavDataOffset.ShouldBe(78);
        head.Length.ShouldBe(AudioHead.Size);
    }

    [Fact]
    public async Task JfkMp3_IsRecognised()
    {
        await using var file = File.OpenRead(RepoPaths.Audio("jfk.mp3"));
        (await AudioHead.ReadAsync(file, Ct)).Container.ShouldBe("mp3");
    }

    [Fact]
    public async Task EmptyStream_HasNoBytes()
    {
        var head = await AudioHead.ReadAsync(new MemoryStream(), Ct);
        head.Length.ShouldBe(0);
        head.Container.ShouldBeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "audio/wav")]
    [InlineData(new byte[] { 0x52, 0x46, 0x36, 0x34, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "audio/wav")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0 }, "audio/mpeg")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "audio/mpeg")]
    [InlineData(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, "audio/aac")]
    [InlineData(new byte[] { 0x66, 0x4C, 0x61, 0x43, 0 }, "audio/flac")]
    [InlineData(new byte[] { 0x4F, 0x67, 0x67, 0x53, 0 }, "audio/ogg")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70 }, "audio/mp4")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0 }, "audio/webm")]
    [InlineData(new byte[] { 0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A }, "audio/amr")]
    [InlineData(new byte[] { 0x46, 0x4F, 0x52, 0x4D, 0, 0, 0, 0, 0x41, 0x49, 0x46, 0x43 }, "audio/aiff")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20 }, null)] // video: not an audio type
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A }, null)]
    public void MediaType_IsTheAudioTypeOfTheContainer(byte[] bytes, string? expected) =>
        AudioHead.MediaTypeOf(bytes).ShouldBe(expected);
}
