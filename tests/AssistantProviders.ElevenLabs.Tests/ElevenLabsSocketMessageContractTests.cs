// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.ElevenLabs.Internal;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ElevenLabs.Tests;

/// <summary>The <c>stream-input</c> control messages the client sends, validated against the AsyncAPI payload schemas in <c>../shared/specs/elevenlabs/asyncapi.yml</c>.</summary>
public sealed class ElevenLabsSocketMessageContractTests
{
    [Fact]
    public void InitializeConnection_MatchesTheSpec_AndCarriesNoKey()
    {
        var json = JsonSerializer.Serialize(
            new ElevenLabsSocketInit { VoiceSettings = new ElevenLabsVoiceSettingsDto { Stability = 0.5, SimilarityBoost = 0.8, Speed = 1.0 } },
            ElevenLabsJsonContext.Default.ElevenLabsSocketInit);

        AsyncApiMessageValidator.ForMessage("elevenlabs", "asyncapi.yml", "InitializeConnection").AssertValid("/", "SEND", json);
        json.ShouldBe("""{"text":" ","voice_settings":{"stability":0.5,"similarity_boost":0.8,"speed":1}}""");
        json.ShouldNotContain("xi-api-key");
        json.ShouldNotContain("xi_api_key");
    }

    [Fact]
    public void SendText_AndClose_MatchTheSpec()
    {
        var text = JsonSerializer.Serialize(new ElevenLabsSocketText { Text = "Hello world ", TryTriggerGeneration = true }, ElevenLabsJsonContext.Default.ElevenLabsSocketText);
        var flush = JsonSerializer.Serialize(new ElevenLabsSocketText { Text = "end ", Flush = true }, ElevenLabsJsonContext.Default.ElevenLabsSocketText);
        var close = JsonSerializer.Serialize(new ElevenLabsSocketText { Text = string.Empty }, ElevenLabsJsonContext.Default.ElevenLabsSocketText);

        var sendText = AsyncApiMessageValidator.ForMessage("elevenlabs", "asyncapi.yml", "SendText");
        sendText.AssertValid("/", "SEND", text);
        sendText.AssertValid("/", "SEND", flush);
        AsyncApiMessageValidator.ForMessage("elevenlabs", "asyncapi.yml", "CloseConnection").AssertValid("/", "SEND", close);
        close.ShouldBe("""{"text":""}""");
    }

    [Fact]
    public void TheValidator_RejectsAWrongType()
    {
        AsyncApiMessageValidator.ForMessage("elevenlabs", "asyncapi.yml", "SendText")
            .Validate("/", "SEND", """{"text":"hi","flush":"yes"}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void AudioOutput_FromTheSpecExample_Deserializes()
    {
        var output = JsonSerializer.Deserialize(
            """{"audio":"Y3VyaW91cyBtaW5kcyB0aGluayBhbGlrZSA6KQ==","isFinal":false,"normalizedAlignment":{"charStartTimesMs":[0,3],"charsDurationsMs":[3,4],"chars":["H","e"]},"alignment":{"charStartTimesMs":[0,3],"charsDurationsMs":[3,4],"chars":["H","e"]}}""",
            ElevenLabsJsonContext.Default.ElevenLabsSocketOutput)!;

        output.IsFinal.ShouldBe(false);
        var alignment = ElevenLabsMapper.ToAlignment(output.Alignment)!;
        alignment.Characters.ShouldBe(["H", "e"]);
        alignment.StartTimesMs.ShouldBe([0, 3]);
        alignment.DurationsMs.ShouldBe([3, 4]);
        Convert.FromBase64String(output.Audio!).Length.ShouldBeGreaterThan(0);
    }
}
