// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders RAG sample: retrieval-augmented answers over the repository's own docs.
//  1. Ingest: docs/*.md and README.md of the repository (or every *.md under --docs <folder>), chunked by heading (MarkdownChunker).
//  2. Embed the chunks through the routed IEmbeddingClient and upsert them into a vector store: the embedded in-memory store
//     by default, Pinecone when PINECONE_API_KEY is set, Weaviate when WEAVIATE_URL is set.
//  3. Retrieve: embed the question, take the top-k chunks by vector similarity, rerank them through the routed IRerankClient.
//  4. Answer through the chat router from the best chunks as numbered sources; every [n] in the answer becomes a
//     CitationAnnotation pointing at its chunk (file and heading). Print the answer, the sources and the cost of each step.
//  - With no keys: OpenAI (chat, embeddings) and Cohere (rerank) on the built-in loopback emulator, offline.
//  - With OPENAI_API_KEY and/or COHERE_API_KEY: the real vendors.
// Usage: dotnet run --project samples/Rag [-- [--docs <folder>] [--top <k>] [--reindex] [question]]
using System.Globalization;
using AssistantProviders;
using AssistantProviders.Routing;
using AssistantProviders.Samples;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rag;

const string DefaultQuestion = "When does the router fail over, and when does the circuit breaker open?";
const int AnswerSources = 4;
const int MaxBatchInputs = 64;
const int MaxBatchCharacters = 16_000;

string? docsFolder = null;
var top = 8;
var reindex = false;
var words = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--docs" when i + 1 < args.Length:
            docsFolder = args[++i];
            break;
        case "--top" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0:
            top = k;
            i++;
            break;
        case "--reindex":
            reindex = true;
            break;
        case "--help" or "-h":
            Console.WriteLine("Usage: Rag [--docs <folder>] [--top <k>] [--reindex] [question]");
            return 0;
        default:
            words.Add(args[i]);
            break;
    }
}

var question = words.Count > 0 ? string.Join(' ', words) : DefaultQuestion;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
var ct = timeout.Token;

try
{
    // 1. Ingest and chunk.
    var corpus = DocsCorpus.Find(docsFolder);
    var chunks = new List<DocChunk>();
    foreach (var file in corpus.Files)
    {
        chunks.AddRange(MarkdownChunker.Chunk(corpus.Relative(file), await File.ReadAllTextAsync(file, ct)));
    }

    Console.WriteLine($"Docs:    {corpus.Files.Count} files ({corpus.Description})");
    Console.WriteLine($"Chunks:  {chunks.Count} (one per heading section, or windows of at most {MarkdownChunker.MaxCharacters} characters overlapping by {MarkdownChunker.OverlapCharacters})");
    if (chunks.Count == 0)
    {
        Console.Error.WriteLine("RAG FAILED: no Markdown text to index (pass --docs <folder> with *.md files).");
        return 1;
    }

    // 2. The routers and the vector store.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var services = new ServiceCollection();
    services.AddLogging();
    var providers = services.AddAssistantProviders(configuration);
    await using var emulator = await SampleVendors.AddAsync(providers, ct);
    var storeChoice = SampleVectorStores.Add(providers, allowPinecone: true);
    providers.AddRouting();
    await using var serviceProvider = services.BuildServiceProvider();
    var embedder = serviceProvider.GetRequiredService<IEmbeddingClient>();
    var reranker = serviceProvider.GetRequiredService<IRerankClient>();
    var chat = serviceProvider.GetRequiredService<IChatClient>();
    var costs = new List<(string Step, string Model, CostDetails? Cost)>();

    // 3. Embed the chunks (the title and heading go in with the text), in batches of at most 64 texts (Cohere takes 96) and
    //    16,000 characters, all pinned to one model:
    //    the "store" property makes the embedding router use the same model for the chunks and, later, the question.
    Console.WriteLine();
    Console.WriteLine("== 1. Embed and index");
    var embedOptions = new EmbeddingGenerationOptions { AdditionalProperties = new() { [EmbeddingRouter.StoreProperty] = "assistant-providers-docs" } };
    var vectors = new List<ReadOnlyMemory<float>>(chunks.Count);
    var batches = 0;
    string? embedModel = null;
    CostDetails? embedCost = null;
    foreach (var batch in Batches(chunks, c => c.Title.Length + c.Text.Length, MaxBatchInputs, MaxBatchCharacters))
    {
        var embedded = await embedder.GenerateAsync(batch.Select(c => $"{c.Title}\n{c.Text}"), embedOptions, ct);
        vectors.AddRange(embedded.Select(e => e.Vector));
        embedModel ??= $"{Provider(embedded.AdditionalProperties)}/{embedded.FirstOrDefault()?.ModelId ?? embedded.GetCost()?.PricedModelId ?? "?"}";
        embedCost = Add(embedCost, embedded.GetCost());
        batches++;
    }

    var dimensions = vectors[0].Length;
    costs.Add(($"embed {chunks.Count} chunks ({batches} batches)", embedModel ?? "?", embedCost));
    var store = storeChoice.Resolve(serviceProvider);
    var index = new ChunkIndex(store, storeChoice, dimensions);
    await index.PrepareAsync(recreate: reindex || storeChoice.IsInMemory, ct);
    await index.UpsertAsync(chunks, vectors, ct);
    Console.WriteLine($"Embedded {chunks.Count} chunks in {batches} batches with {embedModel} ({dimensions} dimensions), cost {embedCost?.ToString() ?? "n/a"}");
    Console.WriteLine($"Indexed into the {storeChoice.Name} vector store, collection '{index.Name}'");

    // 4. Retrieve: the question's vector, the top-k chunks by cosine similarity.
    Console.WriteLine();
    Console.WriteLine($"== 2. Retrieve the top {top} chunks for: {question}");
    var queryEmbedding = await embedder.GenerateAsync([question], embedOptions, ct);
    costs.Add(("embed the question", $"{Provider(queryEmbedding.AdditionalProperties)}/{queryEmbedding[0].ModelId ?? "?"}", queryEmbedding.GetCost()));
    var hits = await index.SearchAsync(queryEmbedding[0].Vector, top, ct);
    for (var attempt = 0; hits.Count == 0 && !storeChoice.IsInMemory && attempt < 10; attempt++)
    {
        // Remote stores (Pinecone) index upserts asynchronously: wait until the search sees them.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        hits = await index.SearchAsync(queryEmbedding[0].Vector, top, ct);
    }

    foreach (var hit in hits)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Score,6:0.000}  {hit.Chunk.Title} (chunk {hit.Chunk.Index})"));
    }

    if (hits.Count == 0)
    {
        Console.Error.WriteLine($"RAG FAILED: the {storeChoice.Name} vector store returned no chunks.");
        return 1;
    }

    // 5. Rerank through the rerank router (Cohere on the emulator); without a rerank provider, keep the vector order.
    Console.WriteLine();
    List<ScoredChunk> best;
    try
    {
        var reranked = await reranker.RerankAsync(question, [.. hits.Select(h => $"{h.Chunk.Title}\n{h.Chunk.Text}")], new RerankOptions { TopN = AnswerSources }, ct);
        var rerankModel = $"{Provider(reranked.AdditionalProperties)}/{reranked.ModelId ?? "?"}";
        costs.Add(($"rerank {hits.Count} chunks", rerankModel, reranked.GetCost()));
        best = [.. reranked.Results.Select(r => new ScoredChunk(hits[r.Index].Chunk, r.RelevanceScore))];
        Console.WriteLine($"== 3. Rerank with {rerankModel}: the best {best.Count}, cost {reranked.GetCost()?.ToString() ?? "n/a"}");
    }
    catch (NoEligibleRouteException ex)
    {
        best = [.. hits.Take(AnswerSources)];
        Console.WriteLine($"== 3. Rerank skipped ({ex.Message}; set COHERE_API_KEY or PINECONE_API_KEY): the first {best.Count} by similarity");
    }

    foreach (var hit in best)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Score,6:0.000}  {hit.Chunk.Title} (chunk {hit.Chunk.Index})"));
    }

    // 6. The grounded answer through the chat router, with a CitationAnnotation for each [n] it cites.
    Console.WriteLine();
    var sources = best.Select(b => b.Chunk).ToList();
    var response = await chat.GetResponseAsync(GroundedPrompt.Messages(question, sources), new ChatOptions { MaxOutputTokens = 500, Temperature = 0.1f }, ct);
    var chatModel = $"{Provider(response.AdditionalProperties)}/{response.ModelId ?? "?"}";
    costs.Add(("chat (grounded answer)", chatModel, response.GetCost()));
    var cited = GroundedPrompt.Annotate(response, sources, corpus.Root);
    Console.WriteLine($"== 4. Answer from {chatModel}, cost {response.GetCost()?.ToString() ?? "n/a"}");
    Console.WriteLine(response.Text);
    Console.WriteLine();
    Console.WriteLine("Sources cited (CitationAnnotations on the answer):");
    var citations = response.Messages.SelectMany(m => m.Contents).SelectMany(c => c.Annotations ?? []).OfType<CitationAnnotation>().ToList();
    foreach (var citation in citations)
    {
        var region = citation.AnnotatedRegions?.OfType<TextSpanAnnotatedRegion>().FirstOrDefault();
        var marker = region is { StartIndex: { } s, EndIndex: { } e } ? response.Text.Substring(s, e - s) : "-";
        Console.WriteLine($"  {marker} {citation.Title} ({citation.Url})");
    }

    if (citations.Count == 0)
    {
        Console.WriteLine("  (none)");
    }

    // 7. The cost of each step, as the routers reported it (CostDetails from the price catalog; nothing is priced here).
    Console.WriteLine();
    Console.WriteLine("== Cost per step (GetCost() of each routed response)");
    var width = costs.Max(c => c.Step.Length);
    var modelWidth = costs.Max(c => c.Model.Length);
    foreach (var (step, model, cost) in costs)
    {
        Console.WriteLine($"  {step.PadRight(width)}  {model.PadRight(modelWidth)}  {cost?.ToString() ?? "n/a"}");
    }

    var total = costs.Aggregate((CostDetails?)null, (sum, c) => Add(sum, c.Cost));
    Console.WriteLine($"  {"total".PadRight(width)}  {string.Empty.PadRight(modelWidth)}  {total?.ToString() ?? "n/a"}");

    if (cited.Count == 0)
    {
        Console.Error.WriteLine("RAG FAILED: the answer cites none of the sources.");
        return 1;
    }

    Console.WriteLine();
    Console.WriteLine($"RAG completed: {chunks.Count} chunks indexed, {cited.Count} sources cited.");
    return 0;
}
catch (Exception ex) when (ex is AssistantProviderException or IOException or Microsoft.Extensions.VectorData.VectorStoreException or OperationCanceledException)
{
    Console.Error.WriteLine($"RAG FAILED: {ex.GetType().Name}: {ex.Message}");
    return 2;
}
catch (ArgumentException ex) when (ex.Message.Contains("dimensions", StringComparison.Ordinal))
{
    Console.Error.WriteLine($"RAG FAILED: {ex.Message} The collection was made with another embedding model; run with --reindex.");
    return 2;
}

static string Provider(AdditionalPropertiesDictionary? properties) =>
    properties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p?.ToString() ?? "?" : "?";

// Sums two reported costs (total and the weakest confidence); an unpriced part makes the total unknown.
static CostDetails? Add(CostDetails? sum, CostDetails? cost)
{
    if (cost is null)
    {
        return sum;
    }

    if (sum is null)
    {
        return new CostDetails { Total = cost.Total, Confidence = cost.Confidence, Currency = cost.Currency };
    }

    sum.Total = sum.Total is { } a && cost.Total is { } b ? a + b : null;
    sum.Confidence = (CostConfidence)Math.Min((int)sum.Confidence, (int)cost.Confidence);
    return sum;
}

// Splits items into batches of at most maxItems and maxCharacters (an item longer than that goes alone).
static IEnumerable<List<T>> Batches<T>(IEnumerable<T> items, Func<T, int> size, int maxItems, int maxCharacters)
{
    var batch = new List<T>();
    var characters = 0;
    foreach (var item in items)
    {
        var length = size(item);
        if (batch.Count > 0 && (batch.Count == maxItems || characters + length > maxCharacters))
        {
            yield return batch;
            batch = [];
            characters = 0;
        }

        batch.Add(item);
        characters += length;
    }

    if (batch.Count > 0)
    {
        yield return batch;
    }
}
