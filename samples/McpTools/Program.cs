// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders MCP sample.
//  - `McpTools server [folder]` is an MCP server over stdio with three tools: search_docs (the repository's Markdown docs,
//    hits as file:line), calculate (safe arithmetic) and utc_now.
//  - `McpTools [question]` is the host: it starts this same executable as `server` in a child process (stdio transport), lists
//    its tools, passes them as AIFunctions through the routed IChatClient with UseFunctionInvocation, and prints each turn of
//    the tool loop with the provider that served it.
//  - With no keys: the built-in loopback emulator, Groq first and OpenAI as fallback; Groq is scripted to fail the loop's
//    second turn, the router falls back to OpenAI and the loop completes. With GROQ_API_KEY / OPENAI_API_KEY: the real vendors.
// Usage: dotnet run --project samples/McpTools [question]
using System.Text.Json;
using AssistantProviders;
using AssistantProviders.Emulator;
using AssistantProviders.Samples;
using McpTools;
using McpTools.Server;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;

const string DefaultQuestion = "Search the docs for 'circuit breaker', then calculate (1250 * 0.2) + 17.5, and tell me the UTC time now.";
const string Instructions = "You answer questions about the AssistantProviders repository with the tools you have: search_docs for its "
    + "documentation (cite hits as file:line), calculate for arithmetic and utc_now for the time. Call each tool you need, then answer briefly.";

if (args is ["server", ..])
{
    return await DocsServer.RunAsync(args.Length > 1 ? args[1] : RepositoryRoot.Find() ?? Directory.GetCurrentDirectory());
}

var question = args.Length > 0 ? string.Join(' ', args) : DefaultQuestion;
var docsRoot = RepositoryRoot.Find() ?? Directory.GetCurrentDirectory();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
var ct = timeout.Token;

// 1. The MCP server: this executable again, as a child process speaking MCP over its stdin/stdout. It needs no API key, so
//    none is passed on (every variable whose name says KEY, TOKEN or SECRET is removed from its environment).
var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this executable is unknown.");
string[] serverArguments = Path.GetFileNameWithoutExtension(self) == "dotnet"
    ? [typeof(DocsServer).Assembly.Location, "server", docsRoot]
    : ["server", docsRoot];
var transport = new StdioClientTransport(new StdioClientTransportOptions
{
    Name = "assistant-providers-docs",
    Command = self,
    Arguments = serverArguments,
    EnvironmentVariables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
        .Where(n => n.Contains("KEY", StringComparison.OrdinalIgnoreCase) || n.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) || n.Contains("SECRET", StringComparison.OrdinalIgnoreCase))
        .ToDictionary(n => n, _ => (string?)null),
    StandardErrorLines = line => Console.Error.WriteLine($"[server] {line}"),
});

try
{
    await using var mcp = await McpClient.CreateAsync(transport, cancellationToken: ct);
    var tools = await mcp.ListToolsAsync(cancellationToken: ct);
    Console.WriteLine($"MCP server: {mcp.ServerInfo?.Name ?? "?"} {mcp.ServerInfo?.Version}, a child process over stdio ({Path.GetFileName(self)} {string.Join(' ', serverArguments.Take(2).Select(Path.GetFileName))} ...), docs under {docsRoot}");
    Console.WriteLine($"Tools ({tools.Count}):");
    foreach (var tool in tools)
    {
        Console.WriteLine($"  {tool.Name}({string.Join(", ", Parameters(tool.JsonSchema))}): {tool.Description}");
    }

    // 2. The routed IChatClient: the engine's router over the emulated (or real) providers.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var services = new ServiceCollection();
    services.AddLogging();
    var providers = services.AddAssistantProviders(configuration);
    var hasGroq = providers.GetEnvironmentValue("GROQ_API_KEY") is not null;
    var hasOpenAI = providers.GetEnvironmentValue("OPENAI_API_KEY") is not null;
    await using var emulator = hasGroq || hasOpenAI ? null : await EmulatorServer.StartAsync(cancellationToken: ct);
    if (emulator is null)
    {
        Console.WriteLine("Vendors: " + string.Join(", ", new[] { hasGroq ? "Groq" : null, hasOpenAI ? "OpenAI" : null }.OfType<string>())
            + (hasGroq && hasOpenAI ? " (Groq first, OpenAI as fallback)" : " (one vendor: no failover to show)"));
        if (hasGroq)
        {
            providers.AddGroq();
        }

        if (hasOpenAI)
        {
            providers.AddOpenAI();
        }
    }
    else
    {
        Console.WriteLine($"No keys: using the built-in emulator at {emulator.BaseAddress} (groq first, openai as fallback)");
        providers
            .AddGroq(o => { o.Endpoint = emulator.GroqEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "llama-3.1-8b-instant"; })
            .AddOpenAI(o => { o.Endpoint = emulator.OpenAIEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "gpt-4.1-mini"; });
    }

    providers.AddRouting();
    await using var serviceProvider = services.BuildServiceProvider();

    // 3. Function invocation over the router: each model turn goes through the TurnReporter to the router, so a turn can fail
    //    over to another provider while the loop (the conversation and its tool results) goes on.
    var reporter = new TurnReporter(serviceProvider.GetRequiredService<IChatClient>());
    var toolCalls = 0;
    using var chat = new ChatClientBuilder(reporter)
        .UseFunctionInvocation(configure: loop =>
        {
            loop.MaximumIterationsPerRequest = 8;
            loop.FunctionInvoker = async (context, cancellationToken) =>
            {
                // The MCP tool runs in the server process; its text content goes back to the model.
                var result = await ((McpClientTool)context.Function).CallAsync(context.Arguments, cancellationToken: cancellationToken);
                var text = string.Join('\n', result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
                toolCalls++;
                Console.WriteLine($"  {context.Function.Name} ran in the MCP server{(result.IsError == true ? " and failed" : string.Empty)}: {Preview(text)}");
                if (emulator is not null && toolCalls == 1)
                {
                    // Fail the next turn on groq: the try and its one retry (RoutingOptions.MaxRetriesPerRoute = 1).
                    emulator.Faults.Add(new EmulatorFault { Vendor = "groq", PathContains = "chat/completions", Kind = FaultKind.Status500, Count = 2 });
                    Console.WriteLine("  [emulator] groq will now answer HTTP 500 to the next turn (the try and its retry)");
                }

                return result.IsError == true ? "Error: " + text : text;
            };
        })
        .Build();

    Console.WriteLine();
    Console.WriteLine($"== Question: {question}");
    var response = await chat.GetResponseAsync(
        [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)],
        new ChatOptions { Tools = [.. tools], MaxOutputTokens = 600 },
        ct);

    Console.WriteLine();
    Console.WriteLine("== Answer");
    Console.WriteLine(response.Text);
    Console.WriteLine();
    var turns = reporter.Turns;
    var failovers = turns.Count(t => t.FailedAttempts.Count > 0);
    var cost = turns.Sum(t => t.Cost ?? 0m);
    Console.WriteLine("== Turns");
    foreach (var turn in turns)
    {
        Console.WriteLine($"  {turn.Number}. {turn.Provider}/{turn.Model}: {(turn.Calls.Count > 0 ? "tool call " + string.Join(", ", turn.Calls.Select(c => c.Name)) : "answer")}{(turn.FailedAttempts.Count > 0 ? $" (after {turn.FailedAttempts.Count} failed attempt(s) on {string.Join(", ", turn.FailedAttempts.Select(a => a.Provider).Distinct())})" : string.Empty)}");
    }

    var problems = new List<string>();
    if (toolCalls == 0)
    {
        problems.Add("no tool was called");
    }

    if (string.IsNullOrWhiteSpace(response.Text))
    {
        problems.Add("the answer is empty");
    }

    if (emulator is not null && (failovers == 0 || turns.Select(t => t.Provider).Distinct().Count() < 2))
    {
        problems.Add("the scripted failover did not happen");
    }

    if (problems.Count > 0)
    {
        Console.Error.WriteLine($"Tool loop FAILED: {string.Join("; ", problems)}.");
        return 1;
    }

    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tool loop completed: {turns.Count} turns, {toolCalls} tool calls, {failovers} failover(s), providers {string.Join(" -> ", turns.Select(t => t.Provider))}, cost {cost:0.########} USD"));
    return 0;
}
catch (Exception ex) when (ex is AssistantProviderException or McpException or IOException or OperationCanceledException)
{
    Console.Error.WriteLine($"The sample failed: {ex.GetType().Name}: {ex.Message}");
    return 2;
}

static IEnumerable<string> Parameters(JsonElement schema) =>
    schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
        ? properties.EnumerateObject().Select(p => p.Name)
        : [];

static string Preview(string text)
{
    var lines = text.Split('\n');
    var first = lines[0].Length > 110 ? lines[0][..107] + "..." : lines[0];
    return lines.Length > 1 ? $"{first} (+{lines.Length - 1} more lines)" : first;
}
