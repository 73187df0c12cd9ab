// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using AssistantProviders.Deepgram.Internal;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>The live socket's control messages and handshake query, checked against Deepgram's AsyncAPI (<c>../shared/specs/deepgram/asyncapi.yml</c>).</summary>
public sealed class DeepgramSocketContractTests
{
    private const string Finalize = "subpackage_listen/v1.listen.v1-client-1-ListenV1Finalize";
    private const string CloseStream = "subpackage_listen/v1.listen.v1-client-2-ListenV1CloseStream";
    private const string KeepAlive = "subpackage_listen/v1.listen.v1-client-3-ListenV1KeepAlive";

    [Fact]
    public async Task ControlMessagesSent_MatchTheirAsyncApiPayloads()
    {
        await using var server = new LoopbackSocketServer(async (socket, s) =>
        {
            await s.ReceiveUntilAsync(socket, "CloseStream");
            await LoopbackSocketServer.SendAsync(socket, """{"type":"Metadata","request_id":"r","duration":0.1,"channels":1}""");
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        });
        using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.Endpoint });

        await foreach (var update in client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), new SpeechToTextOptions { AdditionalProperties = new() { [DeepgramPropertyNames.Finalize] = true } }, TestContext.Current.CancellationToken))
        {
            _ = update;
        }

        server.TextReceived.Count.ShouldBe(2);
        AsyncApiMessageValidator.ForMessage("deepgram", "asyncapi.yml", Finalize).AssertValid("/", "SEND", server.TextReceived[0]);
        AsyncApiMessageValidator.ForMessage("deepgram", "asyncapi.yml", CloseStream).AssertValid("/", "SEND", server.TextReceived[1]);
    }

    [Fact]
    public void KeepAlive_MatchesItsAsyncApiPayload_AndTheValidatorCanFail()
    {
        var validator = AsyncApiMessageValidator.ForMessage("deepgram", "asyncapi.yml", KeepAlive);

        validator.AssertValid("/", "SEND", DeepgramControlMessage.KeepAliveJson);
        validator.Validate("/", "SEND", """{"type":"Ping"}""").ShouldNotBeEmpty();
        validator.Validate("/", "SEND", "{}").ShouldNotBeEmpty();
    }

    [Fact]
    public void LiveQuery_NamesOnlyParametersTheSocketDeclares()
    {
        var spec = YamlJson.Parse(File.ReadAllText(RepoPaths.Spec("deepgram", "asyncapi.yml")))!;
        var declared = spec["channels"]!["/v1/listen"]!["bindings"]!["ws"]!["query"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var options = new SpeechToTextOptions
        {
            SpeechLanguage = "en",
            AdditionalProperties = new()
            {
                [DeepgramPropertyNames.Diarize] = true,
                [DeepgramPropertyNames.Punctuate] = true,
                [DeepgramPropertyNames.Encoding] = "linear16",
                [DeepgramPropertyNames.SampleRate] = 16000,
                [DeepgramPropertyNames.Channels] = 1,
                [DeepgramPropertyNames.Endpointing] = 300,
                [DeepgramPropertyNames.UtteranceEndMs] = 1000,
                [DeepgramPropertyNames.VadEvents] = true,
            },
        };

        var names = DeepgramQuery.Listen(options, "nova-3", live: true).Split('&').Select(p => p.Split('=')[0]).ToList();

        names.Count.ShouldBe(12);
        names.ShouldAllBe(n => declared.Contains(n), string.Join(",", declared));
    }
}
