// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders agent sample: a Microsoft Agent Framework agent (ChatClientAgent) over the routed IChatClient.
//  - Multi-turn: a session keeps the conversation; the second turn ("there") refers to the first.
//  - A tool: celsius_to_fahrenheit, an AIFunction the agent's function-invocation loop runs.
//  - Long-term memory in a vector store: the Agent Framework's ChatHistoryMemoryProvider stores every message of every session
//    (embedded through the embedding router) and gives the agent a search_memory tool over the earlier sessions. The embedded
//    in-memory store is saved to a JSON file (--memory <path>) and loaded again by the next run; with WEAVIATE_URL, Weaviate.
//  - The first run stores a fact, a later run with the same memory recalls it; --demo runs both in one process, each with its
//    own providers and a new store loaded from the file. Each run prints its cost (IUsageLedger).
//  - Traces go to LangSmith (LANGSMITH_API_KEY) or W&B Weave (WANDB_API_KEY) when set.
//  - With no keys: OpenAI and Cohere on the built-in loopback emulator, offline. With OPENAI_API_KEY / COHERE_API_KEY: the real vendors.
// Usage: dotnet run --project samples/Agent [-- [--demo] [--memory <path>] [--forget]]
using System.Globalization;
using System.Text.Json;
using AgentSample;
using AssistantProviders;
using AssistantProviders.Samples;
using AssistantProviders.Usage;
using AssistantProviders.VectorStores;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;

const string ApplicationId = "assistant-providers-agent-sample";
const string UserId = "ada";
const string FactName = "favourite city";
const string FactValue = "Lisbon";
const string Instructions =
    "You are a concise travel assistant. Use your tools: celsius_to_fahrenheit for temperatures, and search_memory to look up "
    + "what the user told you in earlier conversations (search it before saying you do not know something about the user).";
string[] teachTurns =
[
    $"Hi! My name is Ada and my {FactName} is \"{FactValue}\". Please remember that.",
    "Convert celsius to fahrenheit for me: it is 21 degrees there today.",
];
string[] recallTurns = [$"Search memory for \"{FactName}\": which city should I visit this summer?"];

string? memoryPath = null;
var demo = false;
var forget = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--memory" when i + 1 < args.Length:
            memoryPath = Path.GetFullPath(args[++i]);
            break;
        case "--demo":
            demo = true;
            break;
        case "--forget":
            forget = true;
            break;
        default:
            Console.WriteLine("Usage: Agent [--demo] [--memory <path>] [--forget]");
            return args[i] is "--help" or "-h" ? 0 : 2;
    }
}

// --demo without --memory uses a new file of its own (deleted at the end); otherwise the user's memory file.
var demoFile = demo && memoryPath is null;
memoryPath ??= demoFile
    ? Path.Combine(Path.GetTempPath(), $"assistant-providers-agent-demo-{Guid.NewGuid():N}.json")
    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data ? data : Path.GetTempPath(), "AssistantProviders", "agent-memory.json");
if (forget)
{
    File.Delete(memoryPath);
    Console.WriteLine($"Forgot everything: deleted {memoryPath}");
    return 0;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
try
{
    if (demo)
    {
        Console.WriteLine($"Demo: two runs in one process, each with its own providers and vector store (as two processes would); the memory passes through {memoryPath}, or the remote store when one is configured");
        var first = await RunAsync(1, teach: true, timeout.Token);
        var second = await RunAsync(2, teach: false, timeout.Token);
        return Finish(second, first.Cost + second.Cost);
    }

    var run = await RunAsync(1, teach: null, timeout.Token);
    if (run.Taught)
    {
        Console.WriteLine();
        Console.WriteLine($"Stored \"{FactName}: {FactValue}\" in long-term memory. Run again with the same memory to see it recalled:");
        Console.WriteLine($"  dotnet run --project samples/Agent -- --memory \"{memoryPath}\"");
        return 0;
    }

    return Finish(run, run.Cost);
}
catch (Exception ex) when (ex is AssistantProviderException or VectorStoreException or IOException or JsonException or OperationCanceledException)
{
    Console.Error.WriteLine($"Agent FAILED: {ex.GetType().Name}: {ex.Message}");
    return 2;
}
finally
{
    if (demoFile)
    {
        File.Delete(memoryPath);
    }
}

int Finish(RunResult recall, decimal cost)
{
    if (!recall.Recalled)
    {
        Console.Error.WriteLine($"Agent FAILED: \"{FactValue}\" was not recalled from long-term memory ({recall.Problem}).");
        return 1;
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total cost: {cost:0.########} USD"));
    Console.WriteLine($"Agent completed: recalled \"{FactName}: {FactValue}\" from long-term memory.");
    return 0;
}

// One run, as a separate process would do it: its own providers, routers and (embedded) vector store, the memory loaded from
// the file first and saved after. teach: true stores the fact, false recalls it, null decides by whether there are memories.
async Task<RunResult> RunAsync(int number, bool? teach, CancellationToken ct)
{
    Console.WriteLine();
    Console.WriteLine($"== Run {number}");
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var services = new ServiceCollection();
    services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
    var providers = services.AddAssistantProviders(configuration);
    await using var emulator = await SampleVendors.AddAsync(providers, ct);
    var storeChoice = SampleVectorStores.Add(providers, allowPinecone: false);
    providers.AddRouting();
    using var tracing = Tracing.Start(providers);
    await using var serviceProvider = services.BuildServiceProvider();
    var embedder = serviceProvider.GetRequiredService<IEmbeddingClient>();

    // The memory's vector size is the embedding model's: one short probe tells it (and which model serves).
    var probe = await embedder.GenerateAsync(["memory"], cancellationToken: ct);
    var dimensions = probe[0].Vector.Length;
    var embeddingModel = $"{probe.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Provider)}/{probe[0].ModelId}";

    VectorStore memoryStore;
    string where;
    if (storeChoice.IsInMemory)
    {
        var inMemory = serviceProvider.GetRequiredService<InMemoryVectorStore>();
        var loaded = await MemoryFile.LoadAsync(inMemory, memoryPath, embeddingModel, dimensions, ct);
        memoryStore = inMemory;
        where = $"the embedded vector store, {loaded} records loaded from {memoryPath}";
    }
    else
    {
        memoryStore = new RoutedEmbeddingVectorStore(storeChoice.Resolve(serviceProvider), embedder);
        where = $"{storeChoice.Name}, collection {MemoryLayout.CollectionName}";
    }

    var remembered = await CountMemoriesAsync(memoryStore, dimensions, ct);
    var sessionId = Guid.NewGuid().ToString("N");
    var teaching = teach ?? remembered == 0;
    Console.WriteLine($"Session: {(teaching ? "a first conversation, to teach a fact" : "a later conversation, to recall it")} (session {sessionId[..8]})");
    Console.WriteLine($"Memory:  {where}; {remembered} earlier messages of {UserId}; embeddings {embeddingModel} ({dimensions} dimensions)");

    // The agent: the routed chat client (through a log of its model calls), the tool, the long-term memory as an AIContextProvider
    // whose search_memory tool searches every earlier session of this user; this session's messages are stored after each turn.
    using var memory = new ChatHistoryMemoryProvider(
        memoryStore,
        MemoryLayout.CollectionName,
        dimensions,
        _ => new ChatHistoryMemoryProvider.State(
            new ChatHistoryMemoryProviderScope { ApplicationId = ApplicationId, UserId = UserId, SessionId = sessionId },
            new ChatHistoryMemoryProviderScope { ApplicationId = ApplicationId, UserId = UserId }),
        new ChatHistoryMemoryProviderOptions
        {
            SearchTime = ChatHistoryMemoryProviderOptions.SearchBehavior.OnDemandFunctionCalling,
            FunctionToolName = "search_memory",
            FunctionToolDescription = "Searches the long-term memory (what the user said in earlier conversations) for a phrase.",
            MaxResults = 3,
            // Store what was said: the user's messages and the agent's answers, not the tool-call plumbing (no text to embed).
            StorageInputResponseMessageFilter = messages => messages.Where(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text)),
        },
        serviceProvider.GetRequiredService<ILoggerFactory>());
    var calls = new ModelCallLog(serviceProvider.GetRequiredService<IChatClient>());
    var memoryResults = new List<string>();
    var agent = new ChatClientAgent(
            calls,
            new ChatClientAgentOptions
            {
                Name = "travel-assistant",
                ChatOptions = new ChatOptions { Instructions = Instructions, Tools = [.. TravelTools.All], MaxOutputTokens = 400 },
                AIContextProviders = [memory],
            },
            serviceProvider.GetRequiredService<ILoggerFactory>(),
            serviceProvider)
        .AsBuilder()
        .Use(async (_, context, next, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            var text = result is JsonElement { ValueKind: JsonValueKind.String } json ? json.GetString() : result?.ToString();
            Console.WriteLine($"    tool {context.Function.Name}({Arguments(context.Arguments)}) returned: {Preview(text)}");
            if (context.Function.Name == "search_memory" && text is not null)
            {
                memoryResults.Add(text);
            }

            return result;
        })
        .UseOpenTelemetry(Tracing.AgentSourceName)
        .Build(serviceProvider);

    using var activity = Tracing.Runs.StartActivity($"agent run {number}");
    var session = await agent.CreateSessionAsync(ct);
    var answers = new List<string>();
    var turns = teaching ? teachTurns : recallTurns;
    var historyCarried = false;
    for (var turn = 0; turn < turns.Length; turn++)
    {
        Console.WriteLine();
        Console.WriteLine($"  user:  {turns[turn]}");
        var before = calls.Calls;
        var response = await agent.RunAsync(turns[turn], session, cancellationToken: ct);
        historyCarried |= turn > 0 && calls.MaxUserMessagesSince(before) > 1;
        answers.Add(response.Text);
        Console.WriteLine($"  agent: {response.Text.ReplaceLineEndings(" / ")}");
    }

    if (teaching)
    {
        Console.WriteLine();
        Console.WriteLine(historyCarried
            ? "The second turn was sent with the first (the session's chat history), so \"there\" can mean the city named in turn 1."
            : "Note: the second turn was sent without the first.");
    }

    if (storeChoice.IsInMemory)
    {
        var saved = await MemoryFile.SaveAsync((InMemoryVectorStore)memoryStore, memoryPath, embeddingModel, dimensions, ct);
        Console.WriteLine($"Memory:  saved {saved} records to {memoryPath}");
    }

    if (activity is not null)
    {
        Console.WriteLine($"Traces:  trace id {activity.TraceId}");
    }

    // The cost of this run: every routed call (chat, embeddings) as the usage ledger recorded it.
    var usage = serviceProvider.GetRequiredService<IUsageLedger>().Snapshot();
    Console.WriteLine($"Cost of {(demo ? $"run {number}" : "this run")} (IUsageLedger):");
    foreach (var row in usage.Rows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.ProviderId}/{row.ModelId}: {row.Requests} calls, {row.InputTokens} in / {row.OutputTokens} out tokens, {row.Cost:0.########} USD"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total: {usage.TotalCost:0.########} USD"));

    if (teaching)
    {
        return new RunResult(true, false, usage.TotalCost, historyCarried ? null : "the second turn was sent without the first");
    }

    // Recall happened when the memory search returned the fact stored by an earlier run and the answer uses it.
    var found = memoryResults.Any(r => r.Contains(FactValue, StringComparison.OrdinalIgnoreCase));
    var answered = answers.Any(a => a.Contains(FactValue, StringComparison.OrdinalIgnoreCase));
    var problem = remembered == 0 ? "the memory was empty"
        : memoryResults.Count == 0 ? "the agent did not search its memory"
        : !found ? "the memory search did not return it"
        : !answered ? "the answer does not use it"
        : null;
    return new RunResult(false, problem is null, usage.TotalCost, problem);
}

// How many messages of this user the memory holds (0 when the collection does not exist yet).
static async Task<int> CountMemoriesAsync(VectorStore store, int dimensions, CancellationToken ct)
{
    var collection = store.GetDynamicCollection(MemoryLayout.CollectionName, MemoryLayout.Definition(typeof(ReadOnlyMemory<float>), dimensions));
    if (!await collection.CollectionExistsAsync(ct))
    {
        return 0;
    }

    var count = 0;
    await foreach (var _ in collection.GetAsync(r => (string?)r[MemoryLayout.UserId] == UserId, 1000, cancellationToken: ct))
    {
        count++;
    }

    return count;
}

static string Arguments(AIFunctionArguments? arguments) =>
    arguments is null ? string.Empty : string.Join(", ", arguments.Select(a => $"{a.Key}: {(a.Value is JsonElement json ? json.GetRawText() : a.Value)}"));

static string Preview(string? text)
{
    var flat = (text ?? "null").ReplaceLineEndings(" / ");
    return flat.Length > 160 ? flat[..157] + "..." : flat;
}
