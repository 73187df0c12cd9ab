// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// What the live socket is told about the audio: encoding, sample rate, bytes per second and where the samples start in the head.
/// A PCM WAV file gives its own format (its header is not sent); anything else is raw PCM described by the options.
/// </summary>
internal sealed class LiveFormat
{
    public const string PcmS16le = "pcm_s16le";
    public const string PcmMulaw = "pcm_mulaw";

    private LiveFormat(string encoding, int sampleRate, int dataOffset)
    {
        Encoding = encoding;
        SampleRate = sampleRate;
        DataOffset = dataOffset;
    }

    public string Encoding { get; }

    public int SampleRate { get; }

    /// <summary>Gets where the samples start in the head (after a WAV header; 0 for raw PCM).</summary>
    public int DataOffset { get; }

    public int BytesPerSecond => Encoding == PcmMulaw ? SampleRate : SampleRate * 2;

    /// <summary>Gets the byte that encodes silence (padding of the last frame).</summary>
    public byte Silence => Encoding == PcmMulaw ? (byte)0xFF : (byte)0;

    public static LiveFormat From(AudioHead head, SpeechToTextOptions? options, string model)
    {
        if (head.Length == 0)
        {
            throw AssemblyAIErrors.EmptyAudio(model);
        }

        LiveFormat format;
        if (head.Container == "wav")
        {
            var encoding = (head.WavFormat, head.WavBitsPerSample) switch
            {
                (1, 16) => PcmS16le,
                (7, 8) => PcmMulaw,
                _ => null,
            };
            if (encoding is null || head.WavChannels != 1 || head.WavDataOffset is not { } offset || head.WavSampleRate is not { } rate)
            {
                throw AssemblyAIErrors.BadInput(
                    "unsupported_audio_format",
                    "live streaming takes mono 16-bit PCM or 8-bit mu-law; this WAV file is " +
                    $"format {head.WavFormat?.ToString(CultureInfo.InvariantCulture) ?? "?"}, {head.WavBitsPerSample?.ToString(CultureInfo.InvariantCulture) ?? "?"} bits, " +
                    $"{head.WavChannels?.ToString(CultureInfo.InvariantCulture) ?? "?"} channels. Nothing was sent.",
                    model);
            }

            format = new LiveFormat(encoding, rate, offset);
        }
        else if (head.Container is { } container)
        {
            throw AssemblyAIErrors.BadInput(
                "unsupported_audio_format",
                $"live streaming takes raw PCM (pcm_s16le or pcm_mulaw) or a PCM WAV file, not {container}. Transcribe it pre-recorded (without AssemblyAIPropertyNames.Live) instead.",
                model);
        }
        else
        {
            var encoding = AssemblyAIMapper.Str(options, AssemblyAIPropertyNames.Encoding) ?? PcmS16le;
            if (encoding is not (PcmS16le or PcmMulaw))
            {
                throw AssemblyAIErrors.BadInput("unsupported_audio_format", $"the live encoding must be pcm_s16le or pcm_mulaw, not '{encoding}'.", model);
            }

            format = new LiveFormat(encoding, options?.SpeechSampleRate ?? 16000, 0);
        }

        if (format.SampleRate is < AssemblyAILiveSession.MinSampleRate or > AssemblyAILiveSession.MaxSampleRate)
        {
            throw AssemblyAIErrors.BadInput(
                "unsupported_sample_rate",
                $"the sample rate {format.SampleRate.ToString(CultureInfo.InvariantCulture)} Hz is outside what live streaming accepts ({AssemblyAILiveSession.MinSampleRate}-{AssemblyAILiveSession.MaxSampleRate} Hz). Nothing was sent.",
                model);
        }

        return format;
    }
}
