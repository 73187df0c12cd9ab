// Licensed under the MIT License. See LICENSE in the project root.
// The native-AOT proof app: every package is rooted by the project file; this program also runs one routed call, non-streamed
// and streamed, through the engine on the loopback emulator, so the published native binary is exercised end to end.
using AssistantProviders;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();

// A second emulator for the speech call: ElevenLabs is pointed at it (AddEmulator() itself only chats).
await using var speechEmulator = await AssistantProviders.Emulator.EmulatorServer.StartAsync().ConfigureAwait(false);
var services = new ServiceCollection();
services.AddLogging();
services.AddAssistantProviders(configuration)
    .AddEmulator()
    .AddOpenAI().AddAnthropic().AddGemini().AddGroq().AddPerplexity().AddMistral().AddCohere().AddTogether().AddFireworks()
    .AddHuggingFace().AddOllama().AddLMStudio().AddMlx().AddElevenLabs(o => { o.Endpoint = speechEmulator.ElevenLabsEndpoint; o.ApiKey = "emulator-key"; }).AddDeepgram().AddAssemblyAI().AddReplicate()
    .AddPinecone(o => { o.Endpoint = speechEmulator.PineconeEndpoint; o.ApiKey = "emulator-key"; })
    .AddWeaviate(o => { o.Endpoint = speechEmulator.WeaviateEndpoint; o.ApiKey = "emulator-key"; });

await using var provider = services.BuildServiceProvider();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var chat = provider.GetRequiredService<IChatClient>();

var response = await chat.GetResponseAsync("Say hello.", cancellationToken: timeout.Token).ConfigureAwait(false);
var streamed = new System.Text.StringBuilder();
await foreach (var update in chat.GetStreamingResponseAsync("Say hello.", cancellationToken: timeout.Token).ConfigureAwait(false))
{
    streamed.Append(update.Text);
}

var provider1 = response.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Provider);
Console.WriteLine($"non-streamed: {provider1}/{response.ModelId}: {response.Text}");
Console.WriteLine($"streamed: {streamed}");
if (string.IsNullOrEmpty(response.Text) || streamed.Length == 0 || response.Text != streamed.ToString())
{
    Console.Error.WriteLine("AOT check failed: the routed answers are empty or differ.");
    return 1;
}

// One routed text-to-speech call (speech is MEAI's experimental API), so the speech packages' JSON and socket code is exercised too.
#pragma warning disable MEAI001
var speech = provider.GetRequiredService<ITextToSpeechClient>();
var spoken = await speech.GetAudioAsync("Hello.", cancellationToken: timeout.Token).ConfigureAwait(false);
#pragma warning restore MEAI001
var audioBytes = spoken.Contents.OfType<DataContent>().Sum(d => d.Data.Length);
Console.WriteLine($"speech: {spoken.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Provider)}/{spoken.ModelId}: {audioBytes} bytes");
if (audioBytes == 0)
{
    Console.Error.WriteLine("AOT check failed: the routed speech call returned no audio.");
    return 1;
}

// One vector-store round trip per store through its dynamic (AOT-safe) collection: the embedded store, and Pinecone and Weaviate
// on the emulator's wires.
using (var inMemory = new AssistantProviders.VectorStores.InMemoryVectorStore())
using (var pinecone = new AssistantProviders.Pinecone.PineconeVectorStore(new() { ApiKey = "emulator-key", Endpoint = speechEmulator.PineconeEndpoint }))
using (var weaviate = new AssistantProviders.Weaviate.WeaviateVectorStore(new() { ApiKey = "emulator-key", Endpoint = speechEmulator.WeaviateEndpoint }))
{
    if (!await VectorRoundTripAsync(inMemory, "aot-docs", "aot-1", timeout.Token).ConfigureAwait(false)
        || !await VectorRoundTripAsync(pinecone, "aot-docs", "aot-1", timeout.Token).ConfigureAwait(false)
        || !await VectorRoundTripAsync(weaviate, "AotDocs", Guid.NewGuid(), timeout.Token).ConfigureAwait(false))
    {
        return 1;
    }
}

Console.WriteLine("AOT check passed.");
return 0;

static async Task<bool> VectorRoundTripAsync<TKey>(Microsoft.Extensions.VectorData.VectorStore store, string name, TKey key, CancellationToken cancellationToken)
    where TKey : notnull
{
    var docs = store.GetDynamicCollection(name, new Microsoft.Extensions.VectorData.VectorStoreCollectionDefinition
    {
        Properties =
        [
            new Microsoft.Extensions.VectorData.VectorStoreKeyProperty("Key", typeof(TKey)),
            new Microsoft.Extensions.VectorData.VectorStoreDataProperty("Text", typeof(string)) { IsIndexed = true },
            new Microsoft.Extensions.VectorData.VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 2),
        ],
    });
    await docs.EnsureCollectionExistsAsync(cancellationToken).ConfigureAwait(false);
    await docs.UpsertAsync(new Dictionary<string, object?> { ["Key"] = key, ["Text"] = "aot", ["Embedding"] = new ReadOnlyMemory<float>([1, 0]) }, cancellationToken).ConfigureAwait(false);
    var nearest = new List<string?>();
    await foreach (var hit in docs.SearchAsync(new ReadOnlyMemory<float>([1, 0]), 1, new() { Filter = r => (string)r["Text"]! == "aot" }, cancellationToken).ConfigureAwait(false))
    {
        nearest.Add(hit.Record["Text"] as string);
    }

    await docs.EnsureCollectionDeletedAsync(cancellationToken).ConfigureAwait(false);
    Console.WriteLine($"vector store: {name} found {string.Join(",", nearest)}");
    if (nearest is not ["aot"])
    {
        Console.Error.WriteLine($"AOT check failed: the {store.GetType().Name} round trip did not find the record.");
        return false;
    }

    return true;
}
