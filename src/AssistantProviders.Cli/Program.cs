// Licensed under the MIT License. See LICENSE in the project root.
using System.CommandLine;
using AssistantProviders.Cli;
using AssistantProviders.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;

var emulatorOption = new Option<bool>("--emulator") { Description = "Run against the built-in loopback emulator (every provider emulated; one broken on purpose)." };
var configOption = new Option<string?>("--config") { Description = "An appsettings.json file to read (default: ./appsettings.json if present)." };

var paidOption = new Option<bool>("--paid") { Description = "Also send a 1-token chat per provider (costs money; capped by --max-cost)." };
var maxCostOption = new Option<decimal>("--max-cost") { Description = "Dollar cap per paid probe.", DefaultValueFactory = _ => 0.01m };
var jsonOption = new Option<bool>("--json") { Description = "Machine-readable output." };
var testAll = new Command("test-all", "Check every provider: key configured, authenticates, lists models. Free unless --paid.") { paidOption, maxCostOption, jsonOption };
testAll.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct);
    return await TestAllCommand.RunAsync(host, parse.GetValue(paidOption), parse.GetValue(maxCostOption), parse.GetValue(jsonOption), ct);
});

var providerOption = new Option<string?>("--provider") { Description = "Only this provider id." };
var models = new Command("models", "List models: live discovery merged with the price catalog.") { providerOption };
models.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct);
    return await ModelsCommand.RunAsync(host, parse.GetValue(providerOption), ct);
});

var promptArgument = new Argument<string>("prompt") { Description = "The prompt." };
var strategyOption = new Option<string?>("--strategy") { Description = "Routing strategy for this request (Priority, LocalFirst, Cheapest, Fastest, LeastBusy, BestForTask, Weighted, Auto)." };
var modelOption = new Option<string?>("--model") { Description = "provider/model, a bare model id or an alias." };
var explainOption = new Option<bool>("--explain") { Description = "Show the route explanation and the attempt trail." };
var chat = new Command("chat", "Send one routed, streamed chat.") { promptArgument, strategyOption, modelOption, explainOption };
chat.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct);
    return await ChatCommand.RunAsync(host, parse.GetValue(promptArgument)!, parse.GetValue(strategyOption), parse.GetValue(modelOption), parse.GetValue(explainOption), ct);
});

var costs = new Command("costs", "Show the usage ledger and budgets.");
costs.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct);
    return CostsCommand.Run(host);
});

var doctor = new Command("doctor", "Report configuration problems (missing keys, rejected endpoints) without printing secrets.");
doctor.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct);
    return DoctorCommand.Run(host);
});

var portOption = new Option<int>("--port") { Description = "Loopback port to listen on (0: a free port).", DefaultValueFactory = _ => 0 };
var faultOption = new Option<string[]>("--fault") { Description = "A scripted fault, vendor:STATUS[xCOUNT] (401, 429, 500, 503, 529), for example groq:500x2. Repeatable.", AllowMultipleArgumentsPerToken = false };
var answerOption = new Option<string?>("--answer") { Description = "The canned answer text (default: \"Hello from the emulator.\")." };
var emulatorCommand = new Command("emulator", "Serve the loopback emulator (every vendor's wire format) until Ctrl+C; prints each vendor's base URL.") { portOption, faultOption, answerOption };
emulatorCommand.SetAction((parse, ct) => EmulatorCommand.RunAsync(parse.GetValue(portOption), parse.GetValue(faultOption) ?? [], parse.GetValue(answerOption), ct));

var fromOption = new Option<string>("--from") { Description = "The price data file to import: LiteLLM's model_prices_and_context_window.json or genai-prices data.json.", Required = true };
var outOption = new Option<string?>("--out") { Description = "The override file to write and merge into (default: ./catalog.override.json)." };
var knownOnlyOption = new Option<bool>("--known-only") { Description = "Only update models the catalog already lists (add none)." };
var dryRunOption = new Option<bool>("--dry-run") { Description = "Print the changes; write nothing." };
var catalogUpdate = new Command("update", "Import a public price file into an AssistantProviders:Catalog override file and print what changes.") { fromOption, outOption, knownOnlyOption, dryRunOption };
catalogUpdate.SetAction((parse, ct) => CatalogCommand.UpdateAsync(parse.GetValue(fromOption)!, parse.GetValue(outOption), parse.GetValue(configOption), parse.GetValue(knownOnlyOption), parse.GetValue(dryRunOption), ct));
var catalogCommand = new Command("catalog", "Keep the price catalog current.") { catalogUpdate };

var datasetArgument = new Argument<string>("dataset") { Description = "A JSONL file: one case per line with prompt, and optionally id, task, expected, rubric." };
var routesOption = new Option<string?>("--routes") { Description = "Comma-separated provider/model routes (default: every configured provider's default model)." };
var judgeOption = new Option<string?>("--judge") { Description = "Rubric judge: 'deterministic' (default; key-word coverage, offline) or a provider/model scored through the router." };
var evalMaxCostOption = new Option<decimal?>("--max-cost") { Description = "Cost cap in USD per case for the routing table (routes above it are left out)." };
var evalOutOption = new Option<string?>("--out") { Description = "Folder for results.json and routing.json (default: ./eval-<run id>)." };
var evalCommand = new Command("eval", "Evaluate routes on a dataset: quality, cost, latency and TTFT per route and task; writes the experiment and a routing table for BestForTask and Auto.") { datasetArgument, routesOption, judgeOption, evalMaxCostOption, evalOutOption };
evalCommand.SetAction(async (parse, ct) =>
{
    await using var host = await CliHost.CreateAsync(parse.GetValue(emulatorOption), parse.GetValue(configOption), ct, AssistantProviders.Cli.Eval.EvalTracing.Configure());
    return await EvalCommand.RunAsync(host, parse.GetValue(datasetArgument)!, parse.GetValue(routesOption), parse.GetValue(judgeOption), parse.GetValue(evalMaxCostOption), parse.GetValue(evalOutOption), ct);
});

var root = new RootCommand("assistant-providers: test, inspect and use every AI provider behind one router.") { testAll, models, chat, costs, doctor, emulatorCommand, catalogCommand, evalCommand };
emulatorOption.Recursive = true;
configOption.Recursive = true;
root.Options.Add(emulatorOption);
root.Options.Add(configOption);
return await root.Parse(args).InvokeAsync();
