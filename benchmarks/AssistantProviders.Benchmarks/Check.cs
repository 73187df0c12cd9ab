// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Benchmarks;

/// <summary>Set-up sanity checks: a benchmark that reads a different answer than its baseline must not be measured.</summary>
internal static class Check
{
    public static void Same(string name, int expected, int actual)
    {
        if (expected <= 0 || expected != actual)
        {
            throw new InvalidOperationException($"Benchmark case '{name}' read {actual} characters, the baseline read {expected}.");
        }
    }
}
