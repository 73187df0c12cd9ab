// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders QuickStart (the README's main job).
//  - With no keys: starts the loopback emulator, adds two emulated providers (Groq first, OpenAI as fallback), makes Groq fail,
//    and shows a routed chat, a streamed chat, the failover that happened, the route explanation, cost and a usage table.
//  - With keys (or a local Ollama / LM Studio): uses them instead.
using System.Diagnostics;
using AssistantProviders;
using AssistantProviders.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuickStart;
using AssistantProviders.Budgets;
using AssistantProviders.Routing;
using AssistantProviders.Usage;

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

var services = new ServiceCollection();
services.AddLogging();
var providers = services.AddAssistantProviders(configuration);

await using var emulator = await LiveProviders.TryAddAsync(providers, CancellationToken.None) ? null : await EmulatorServer.StartAsync();
if (emulator is not null)
{
    Console.WriteLine($"No API keys and no local server found: using the built-in emulator at {emulator.BaseAddress}");
    Console.WriteLine("Emulated providers: groq (first choice, scripted to fail twice with HTTP 500) and openai (fallback).");
    emulator.Faults.Add(new EmulatorFault { Vendor = "groq", Kind = FaultKind.Status500, Count = 2 });
    providers
        .AddGroq(o =>
        {
            o.Endpoint = emulator.GroqEndpoint;
            o.ApiKey = "emulator-key";
            o.DefaultModel = "llama-3.1-8b-instant";
        })
        .AddOpenAI(o =>
        {
            o.Endpoint = emulator.OpenAIEndpoint;
            o.ApiKey = "emulator-key";
            o.DefaultModel = "gpt-4.1-mini";
        });
}

providers.AddRouting();
await using var serviceProvider = services.BuildServiceProvider();
var chat = serviceProvider.GetRequiredService<IChatClient>();

// 1. A routed chat.
Console.WriteLine();
Console.WriteLine("== 1. Routed chat");
var stopwatch = Stopwatch.StartNew();
var response = await chat.GetResponseAsync("In one sentence: why route AI calls across providers?");
Console.WriteLine($"Answer:   {response.Text}");
Report.Served(response.AdditionalProperties, response.ModelId, stopwatch.Elapsed, response.GetCost());

// 2. A streamed chat.
Console.WriteLine();
Console.WriteLine("== 2. Streamed chat");
stopwatch.Restart();
ChatResponseUpdate? last = null;
Console.Write("Answer:   ");
await foreach (var update in chat.GetStreamingResponseAsync("Count from one to five."))
{
    Console.Write(update.Text);
    last = update;
}

Console.WriteLine();
Report.Served(last?.AdditionalProperties, last?.ModelId, stopwatch.Elapsed, last?.GetCost());

// 3. Back to normal: once the cooldown (AssistantProviders:Routing:DefaultCooldown, 1 s here) is over, the primary is tried again.
Console.WriteLine();
Console.WriteLine("== 3. After the cooldown: the primary (groq) serves again");
await Task.Delay(TimeSpan.FromSeconds(1.2));
stopwatch.Restart();
var third = await chat.GetResponseAsync("Say hello.");
Console.WriteLine($"Answer:   {third.Text}");
Report.Served(third.AdditionalProperties, third.ModelId, stopwatch.Elapsed, third.GetCost());

// 4. Cheapest routing for one request: the router estimates each route's cost from the price catalog.
Console.WriteLine();
Console.WriteLine("== 4. Cheapest strategy for one request (ChatOptions.AdditionalProperties[\"strategy\"])");
stopwatch.Restart();
var cheapest = await chat.GetResponseAsync(
    "Summarise routing in five words.",
    new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Strategy] = nameof(RoutingStrategy.Cheapest) } });
Console.WriteLine($"Answer:   {cheapest.Text}");
Report.Served(cheapest.AdditionalProperties, cheapest.ModelId, stopwatch.Elapsed, cheapest.GetCost());

// 5. Usage and latency per provider, from the ledger.
Console.WriteLine();
Console.WriteLine("== 5. Usage per provider (IUsageLedger.Snapshot())");
Report.Usage(serviceProvider.GetRequiredService<IUsageLedger>().Snapshot());
Report.Budgets(serviceProvider.GetRequiredService<IBudgetManager>().GetStatus());
