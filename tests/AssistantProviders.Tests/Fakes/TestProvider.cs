// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Tests.Fakes;

/// <summary>The fakes behind one registered test provider.</summary>
public sealed class TestProvider(string id, TestProviderOptions options)
{
    public string Id { get; } = id;

    public TestProviderOptions Options { get; } = options;

    public FakeChatClient Chat { get; } = new(id);

    public FakeSpeechToTextClient Stt { get; } = new(id);

    public FakeEmbeddingGenerator Embeddings { get; } = new(id);
}
