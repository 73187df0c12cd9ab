// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using AssistantProviders.Deepgram.Internal;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>The one-pass read of a live message's <c>type</c>, which also checks that the whole message is valid JSON.</summary>
public sealed class DeepgramMessageTypeTests
{
    [Theory]
    [InlineData("{\"type\":\"Results\",\"is_final\":true}", "Results")]
    [InlineData("{\"channel\":{\"type\":\"nested\"},\"type\":\"Metadata\"}", "Metadata")]
    [InlineData("{\"type\":1,\"x\":[1,2]}", null)]
    [InlineData("{\"x\":{}}", null)]
    [InlineData("[1,2,3]", null)]
    [InlineData("\"Results\"", null)]
    public void The_top_level_string_type_is_read_and_nothing_else(string json, string? expected) =>
        Assert.Equal(expected, DeepgramLiveSession.MessageType(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"type\":\"Results\",\"channel\":{\"alternatives\":[")]
    [InlineData("{\"type\":\"Results\"} trailing")]
    [InlineData("{\"type\":\"Results\"}{}")]
    [InlineData("")]
    [InlineData("not json")]
    public void A_truncated_or_trailing_message_is_invalid_JSON(string json) =>
        Assert.ThrowsAny<JsonException>(() => DeepgramLiveSession.MessageType(Encoding.UTF8.GetBytes(json)));
}
