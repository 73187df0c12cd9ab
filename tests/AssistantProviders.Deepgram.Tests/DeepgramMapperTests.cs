// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Deepgram.Internal;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>Mapping of Deepgram's recorded payloads (../shared/fixtures/deepgram, read in place).</summary>
public sealed class DeepgramMapperTests
{
    private static T Read<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(RepoPaths.ReadFixture("deepgram", file), info)!;

    [Fact]
    public void Prerecorded_Diarize_MapsTextTimesWordsSpeakersAndDuration()
    {
        var wire = Read("prerecorded-diarize.json", DeepgramJsonContext.Default.DeepgramListenResponse);

        var response = DeepgramMapper.ToResponse(wire, "requested");

        response.Text.ShouldStartWith("galileo was an american robotic space program");
        response.ModelId.ShouldBe("nova-3");
        response.ResponseId.ShouldBe("e9ad6d71-4f48-4f6e-8b19-035dbcdda8cb");
        response.StartTime.ShouldBe(TimeSpan.Zero);
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(36.744));
        response.Usage!.AdditionalCounts!["audio_seconds"].ShouldBe(37);
        var words = response.AdditionalProperties![DeepgramPropertyNames.Words].ShouldBeOfType<DeepgramWord[]>();
        words[0].ShouldBe(new DeepgramWord("galileo", TimeSpan.FromSeconds(0.16), TimeSpan.FromSeconds(0.79999995), 0.99641925, 0));
        words.Length.ShouldBe(wire.Results!.Channels![0].Alternatives![0].Words!.Count);
        response.AdditionalProperties[DeepgramPropertyNames.Speakers].ShouldBeOfType<int[]>().ShouldContain(0);
        response.AdditionalProperties[DeepgramPropertyNames.Duration].ShouldBe(36.744);
        response.AdditionalProperties[AssistantProviderProperties.Provider].ShouldBe("deepgram");
    }

    [Fact]
    public void Prerecorded_SmartFormat_UsesPunctuatedWords()
    {
        var wire = Read("prerecorded-smart-format.json", DeepgramJsonContext.Default.DeepgramListenResponse);
        var alternative = wire.Results!.Channels![0].Alternatives![0];

        var response = DeepgramMapper.ToResponse(wire, "nova-3");

        response.Text.ShouldBe(alternative.Transcript);
        var words = (DeepgramWord[])response.AdditionalProperties![DeepgramPropertyNames.Words]!;
        words.Select(w => w.Text).ShouldBe(alternative.Words!.Select(w => w.PunctuatedWord ?? w.Word!));
        words.ShouldContain(w => w.Text.Any(char.IsUpper));
        response.AdditionalProperties.ContainsKey(DeepgramPropertyNames.Speakers).ShouldBeFalse();
    }

    [Fact]
    public void Prerecorded_Summarize_PutsTheShortSummaryInTheExtras()
    {
        var wire = Read("prerecorded-summarize-v2.json", DeepgramJsonContext.Default.DeepgramListenResponse);

        var response = DeepgramMapper.ToResponse(wire, "nova-3");

        response.AdditionalProperties![DeepgramPropertyNames.Summary].ShouldBe(wire.Results!.Summary!.Short);
        ((string)response.AdditionalProperties[DeepgramPropertyNames.Summary]!).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void LiveResults_Final_IsTextUpdated_WithTheSpan()
    {
        var results = Read("live-results-final.json", DeepgramJsonContext.Default.DeepgramLiveResults);

        var update = DeepgramMapper.ToUpdate(results, "nova-3").ShouldNotBeNull();

        update.Kind.ShouldBe(SpeechToTextResponseUpdateKind.TextUpdated);
        update.Text.ShouldBe("For the United States of America.");
        update.StartTime.ShouldBe(TimeSpan.FromSeconds(17.0));
        update.EndTime.ShouldBe(TimeSpan.FromSeconds(17.0 + 1.6599998));
        update.ResponseId.ShouldBe("e1985d01-b8bc-42ab-a16a-e7a8419c07f2");
        update.AdditionalProperties![DeepgramPropertyNames.SpeechFinal].ShouldBe(true);
        update.AdditionalProperties[DeepgramPropertyNames.FromFinalize].ShouldBe(false);
        ((DeepgramWord[])update.AdditionalProperties[DeepgramPropertyNames.Words]!)[^1].Text.ShouldBe("America.");
    }

    [Fact]
    public void LiveResults_Interim_IsTextUpdating()
    {
        var results = Read("live-results-final.json", DeepgramJsonContext.Default.DeepgramLiveResults);
        results.IsFinal = false;

        DeepgramMapper.ToUpdate(results, "nova-3")!.Kind.ShouldBe(SpeechToTextResponseUpdateKind.TextUpdating);
    }

    [Fact]
    public void LiveResults_EmptyFinal_IsNotEmittedAsText()
    {
        var results = Read("live-results-empty-final.json", DeepgramJsonContext.Default.DeepgramLiveResults);

        results.IsFinal.ShouldBe(true);
        DeepgramMapper.ToUpdate(results, "nova-3").ShouldBeNull();
    }

    [Fact]
    public void LiveMessages_SdkMock_MapByType()
    {
        var lines = RepoPaths.ReadFixture("deepgram", "live-messages.sdk-mock.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var speech = JsonSerializer.Deserialize(lines[1], DeepgramJsonContext.Default.DeepgramLiveEvent)!;
        var started = DeepgramMapper.ToEvent(speech, "nova-3");
        started.Kind.ShouldBe(DeepgramMapper.SpeechStarted);
        started.StartTime.ShouldBe(TimeSpan.FromSeconds(1.2));

        var results = JsonSerializer.Deserialize(lines[2], DeepgramJsonContext.Default.DeepgramLiveResults)!;
        DeepgramMapper.ToUpdate(results, "nova-3")!.Text.ShouldBe("Hello world from WebSocket test");

        var end = DeepgramMapper.ToEvent(JsonSerializer.Deserialize(lines[3], DeepgramJsonContext.Default.DeepgramLiveEvent)!, "nova-3");
        end.Kind.ShouldBe(DeepgramMapper.UtteranceEnd);
        end.AdditionalProperties![DeepgramPropertyNames.Timestamp].ShouldBe(2.5);

        var metadata = JsonSerializer.Deserialize(lines[0], DeepgramJsonContext.Default.DeepgramLiveMetadata)!;
        var close = DeepgramMapper.ToClose(metadata, "nova-3", 0);
        close.Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        close.EndTime.ShouldBe(TimeSpan.FromSeconds(120.5));
        close.Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(121);
    }
}
