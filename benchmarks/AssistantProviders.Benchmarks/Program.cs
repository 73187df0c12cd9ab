// Licensed under the MIT License. See LICENSE in the project root.
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --filter '*'
// Quick:   dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --filter '*' --job short --inProcess
BenchmarkSwitcher.FromAssembly(typeof(AssistantProviders.Benchmarks.ChatBenchmarks).Assembly).Run(args);
