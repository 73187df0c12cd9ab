// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.Tests.Support;

namespace AssistantProviders.Shared.Tests;

public sealed class ModelListReaderTests
{
    private static IReadOnlyList<ModelDescriptor> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ModelListReader.Parse(doc.RootElement, TestWire.Descriptor(ProviderLocality.Local));
    }

    [Fact]
    public void ModelsShape_GeminiNames_StripPrefix_AndReadLimits()
    {
        var models = Parse("""{"models":[{"name":"models/gemini-2.0-flash","displayName":"Gemini 2.0 Flash","inputTokenLimit":1048576,"outputTokenLimit":8192}]}""");
        var m = models.ShouldHaveSingleItem();
        m.ModelId.ShouldBe("gemini-2.0-flash");
        m.DisplayName.ShouldBe("Gemini 2.0 Flash");
        m.ContextWindow.ShouldBe(1048576);
        m.MaxOutputTokens.ShouldBe(8192);
        m.Locality.ShouldBe(ProviderLocality.Local);
    }

    [Fact]
    public void BareArray_TogetherShape()
    {
        Parse("""[{"id":"a","context_length":8192,"organization":"Meta"},{"id":"b"}]""").Select(m => (m.ModelId, m.ContextWindow, m.OwnedBy))
            .ShouldBe([("a", (int?)8192, "Meta"), ("b", null, null)]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"data\":null}")]
    [InlineData("42")]
    public void UnknownShapes_GiveEmpty(string json) => Parse(json).ShouldBeEmpty();
}
