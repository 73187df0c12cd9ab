// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// The cost of classifying one request for <see cref="RoutingStrategy.Auto"/>, with default options: the heuristic classifier
/// on a one-line question, on a long request with code and math, and on a 20-message conversation with 5 tools; and the
/// semantic classifier over an in-memory embedding generator (1,536 dimensions, 12 examples), which measures the classifier's
/// own work. A real semantic classification adds the embedding call (a network round trip), which dominates it.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private readonly HeuristicRequestClassifier _heuristic = new();
    private List<ChatMessage> _short = null!;
    private List<ChatMessage> _long = null!;
    private List<ChatMessage> _conversation = null!;
    private ChatOptions _tools = null!;
    private SemanticRequestClassifier _semantic = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _short = [new(ChatRole.User, "What is the capital of France?")];
        _long = [new(ChatRole.System, "You are a careful reviewer."), new(ChatRole.User, "Review this code and its complexity \\frac{n}{2}:\n```cs\n" + string.Concat(Enumerable.Repeat("var x = Compute(a, b);\n", 400)) + "```")];
        _conversation = [.. Enumerable.Range(0, 20).Select(i => new ChatMessage(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, "Turn " + i + ": a short line of chat about the weather."))];
        _tools = new ChatOptions { Tools = [.. Enumerable.Range(0, 5).Select(i => AIFunctionFactory.Create(() => i, "tool" + i))] };
        var examples = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [RequestTiers.Simple] = ["hello", "what time is it", "thanks", "translate a word"],
            [RequestTiers.Complex] = ["review this code", "refactor the module", "summarise the contract", "design a schema"],
            [RequestTiers.Reasoning] = ["prove the theorem", "derive the formula", "solve the puzzle", "plan the steps"],
        };
        _semantic = new SemanticRequestClassifier(new HashEmbeddings(1536), new SemanticClassifierOptions { Examples = examples, Threshold = 0.1 }, _heuristic);
        Expect((await _semantic.ClassifyAsync(_short, null, CancellationToken.None)).Classifier == "semantic", "the semantic classifier decides the short question");
        Expect(_heuristic.Classify(_long, null).Tier == RequestTiers.Complex, "the long request is complex");
        Expect(_heuristic.Classify(_conversation, _tools).Tier == RequestTiers.Complex, "the conversation with tools is complex");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark set-up check failed: " + what + ".");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _semantic.Dispose();

    [Benchmark(Baseline = true)]
    public RequestClassification HeuristicShort() => _heuristic.Classify(_short, null);

    [Benchmark]
    public RequestClassification HeuristicLongCodeAndMath() => _heuristic.Classify(_long, null);

    [Benchmark]
    public RequestClassification HeuristicConversationWithTools() => _heuristic.Classify(_conversation, _tools);

    [Benchmark]
    public async Task<RequestClassification> SemanticInMemoryEmbeddings() => await _semantic.ClassifyAsync(_short, null, CancellationToken.None);
}
