// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Tests.Architecture;

/// <summary>The engine's layout rules (DESIGN.md §7): one folder = one namespace = one subsystem, and no cycle between them.</summary>
public sealed class EngineLayoutTests
{
    private static readonly string[] Subsystems =
    [
        "AssistantProviders.Accounting", "AssistantProviders.Audit", "AssistantProviders.Budgets", "AssistantProviders.Catalog",
        "AssistantProviders.DependencyInjection", "AssistantProviders.Resilience", "AssistantProviders.Routing",
        "AssistantProviders.Security", "AssistantProviders.Telemetry", "AssistantProviders.Usage", "AssistantProviders.VectorStores",
    ];

    [Fact]
    public void EveryEngineTypeLivesInOneOfTheSubsystemNamespaces()
    {
        var strays = EngineNamespaceGraph.Engine.GetTypes()
            .Where(t => t.DeclaringType is null && t.Namespace is not null && !t.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal)
                && !t.Namespace.StartsWith("System.", StringComparison.Ordinal) && !t.Name.StartsWith('<'))
            .Where(t => !Subsystems.Contains(t.Namespace))
            .Select(t => t.FullName)
            .ToList();

        strays.ShouldBeEmpty();
    }

    [Fact]
    public void NoCycleBetweenEngineNamespaces()
    {
        var graph = EngineNamespaceGraph.Build();
        var cycles = FindCycles(graph);

        cycles.ShouldBeEmpty(string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void TheCycleCheckFindsACycle()
    {
        // The check itself must be able to fail: a hand-made graph with A -> B -> A is reported.
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["A"] = new(StringComparer.Ordinal) { ["B"] = "A.X uses B.Y" },
            ["B"] = new(StringComparer.Ordinal) { ["A"] = "B.Y uses A.X" },
            ["C"] = new(StringComparer.Ordinal) { ["A"] = "C.Z uses A.X" },
        };

        FindCycles(graph).ShouldHaveSingleItem().ShouldContain("A -> B");
    }

    [Fact]
    public void NothingInTheEngineDependsOnDependencyInjection()
    {
        // DI is the top layer: it wires every subsystem and no subsystem reaches back into it.
        var users = EngineNamespaceGraph.Build()
            .Where(kv => kv.Key != "AssistantProviders.DependencyInjection" && kv.Value.ContainsKey("AssistantProviders.DependencyInjection"))
            .Select(kv => kv.Value["AssistantProviders.DependencyInjection"])
            .ToList();

        users.ShouldBeEmpty();
    }

    /// <summary>Returns one line per cycle found by a depth-first walk, naming the namespaces and the edges that close it.</summary>
    private static List<string> FindCycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            if (graph.TryGetValue(node, out var edges))
            {
                foreach (var (next, why) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    if (state.GetValueOrDefault(next) == 1)
                    {
                        var loop = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                        var key = string.Join(",", loop.Skip(1).OrderBy(n => n, StringComparer.Ordinal));
                        if (seen.Add(key))
                        {
                            var proof = string.Join("; ", loop.Zip(loop.Skip(1), (a, b) => graph[a][b]));
                            cycles.Add($"{string.Join(" -> ", loop)} ({proof})");
                        }
                    }
                    else if (state.GetValueOrDefault(next) == 0)
                    {
                        Visit(next);
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in graph.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
