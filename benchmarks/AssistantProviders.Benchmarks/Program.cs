// Licensed under the MIT License. See LICENSE in the project root.
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --filter '*'
// Quick:   dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --filter '*' --job short --inProcess
// Speech memory (one hour of audio, not BenchmarkDotNet):
//          dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --speech-memory [report.md]
// Budget reservation + settle latency against a real redis-server, and admitted reservations/s with 3 instances:
//          dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --redis-latency [report.md]
// Ledger memory after 1M requests (not BenchmarkDotNet):
//          dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --ledger-memory [report.md]
// Gateway memory per in-flight stream (500 concurrent streams, the gateway in a child process; not BenchmarkDotNet):
//          dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --gateway-memory [report.md]
// Load and scale: 1, 100 and 1,000 concurrent streams, the default router vs the direct client (loopback; not BenchmarkDotNet):
//          dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --load [report.md]
if (args.Length > 0 && args[0] == "--speech-server")
{
    return await AssistantProviders.Benchmarks.SpeechBenchServer.RunStandaloneAsync();
}

if (args.Length > 0 && args[0] == "--speech-memory")
{
    return await AssistantProviders.Benchmarks.SpeechMemory.RunAsync(args.Length > 1 ? args[1] : null);
}

if (args.Length > 1 && args[0] == "--gateway-server")
{
    return await AssistantProviders.Benchmarks.GatewayMemory.RunServerAsync(args[1]);
}

if (args.Length > 0 && args[0] == "--gateway-memory")
{
    return await AssistantProviders.Benchmarks.GatewayMemory.RunAsync(args.Length > 1 ? args[1] : null);
}

if (args.Length > 0 && args[0] == "--load")
{
    return await AssistantProviders.Benchmarks.LoadRun.RunAsync(args.Length > 1 ? args[1] : null);
}

if (args.Length > 0 && args[0] == "--redis-latency")
{
    return await AssistantProviders.Benchmarks.RedisLatency.RunAsync(args.Length > 1 ? args[1] : null);
}

if (args.Length > 0 && args[0] == "--ledger-memory")
{
    return AssistantProviders.Benchmarks.LedgerMemory.Run(args.Length > 1 ? args[1] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(AssistantProviders.Benchmarks.ChatBenchmarks).Assembly).Run(args);
return 0;
