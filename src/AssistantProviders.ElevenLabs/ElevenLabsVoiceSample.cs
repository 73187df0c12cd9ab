// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>One audio sample for instant voice cloning (a <c>files</c> part of <c>POST /v1/voices/add</c>). The caller owns the stream.</summary>
public sealed class ElevenLabsVoiceSample
{
    /// <summary>Initializes a new instance of the <see cref="ElevenLabsVoiceSample"/> class.</summary>
    /// <param name="audio">The audio (read once, not buffered).</param>
    /// <param name="fileName">The file name sent with it (its extension tells the format, e.g. <c>sample.mp3</c>).</param>
    /// <param name="mediaType">The media type, e.g. <c>audio/mpeg</c>; <see langword="null"/> sends <c>application/octet-stream</c>.</param>
    public ElevenLabsVoiceSample(Stream audio, string fileName, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Audio = audio;
        FileName = fileName;
        MediaType = mediaType;
    }

    /// <summary>Gets the audio.</summary>
    public Stream Audio { get; }

    /// <summary>Gets the file name.</summary>
    public string FileName { get; }

    /// <summary>Gets the media type.</summary>
    public string? MediaType { get; }
}
