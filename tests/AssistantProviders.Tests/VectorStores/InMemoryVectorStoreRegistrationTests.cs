// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.VectorStores;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Tests.VectorStores;

public sealed class InMemoryVectorStoreRegistrationTests
{
    private static readonly VectorStoreCollectionDefinition TextDefinition = new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Key", typeof(string)),
            new VectorStoreDataProperty("Text", typeof(string)),
            new VectorStoreVectorProperty("Embedding", typeof(string), 3),
        ],
    };

    [Fact]
    public void The_embedded_store_is_the_unkeyed_default_and_keyed_inmemory_one_instance()
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders();
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<VectorStore>();
        store.ShouldBeOfType<InMemoryVectorStore>();
        provider.GetRequiredKeyedService<VectorStore>("inmemory").ShouldBeSameAs(store);
        provider.GetRequiredService<InMemoryVectorStore>().ShouldBeSameAs(store);
        InMemoryVectorStore.SystemName.ShouldBe("inmemory");
    }

    [Fact]
    public void A_store_registered_by_the_app_wins()
    {
        using var own = new InMemoryVectorStore();
        var services = new ServiceCollection();
        services.AddSingleton<VectorStore>(own);
        services.AddAssistantProviders();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<VectorStore>().ShouldBeSameAs(own);
    }

    [Fact]
    public async Task Text_vectors_and_text_searches_are_embedded_through_the_registered_generator()
    {
        var generator = new LetterEmbeddings();
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator);
        services.AddAssistantProviders();
        await using var provider = services.BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;

        var docs = provider.GetRequiredService<VectorStore>().GetDynamicCollection("docs", TextDefinition);
        await docs.EnsureCollectionExistsAsync(ct);
        await docs.UpsertAsync(
        [
            new Dictionary<string, object?> { ["Key"] = "a", ["Text"] = "apple", ["Embedding"] = "apple" },
            new Dictionary<string, object?> { ["Key"] = "b", ["Text"] = "banana", ["Embedding"] = "banana" },
        ], ct);
        var hits = await docs.SearchAsync("berry", 1, cancellationToken: ct).ToListAsync(ct);

        hits.ShouldHaveSingleItem().Record["Key"].ShouldBe("b");
        generator.Inputs.ShouldBe(["apple", "banana", "berry"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_text_search_without_a_generator_is_a_clear_error()
    {
        using var store = new InMemoryVectorStore();
        var ct = TestContext.Current.CancellationToken;
        var docs = store.GetDynamicCollection("docs", new VectorStoreCollectionDefinition
        {
            Properties =
            [
                new VectorStoreKeyProperty("Key", typeof(string)),
                new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 3),
            ],
        });
        await docs.EnsureCollectionExistsAsync(ct);

        var error = await Should.ThrowAsync<Exception>(async () => await docs.SearchAsync("berry", 1, cancellationToken: ct).ToListAsync(ct));
        (error is InvalidOperationException or NotSupportedException).ShouldBeTrue(error.GetType().Name + ": " + error.Message);
        error.Message.ShouldContain("string");
    }

    /// <summary>Embeds a text by its first letter: a → [1,0,0], b → [0,1,0], anything else → [0,0,1]. Records every input.</summary>
    private sealed class LetterEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _inputs = new();

        public IReadOnlyCollection<string> Inputs => _inputs;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var value in values)
            {
                _inputs.Enqueue(value);
                result.Add(new Embedding<float>(value[0] switch { 'a' => new float[] { 1, 0, 0 }, 'b' => [0, 1, 0], _ => [0, 0, 1] }));
            }

            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
