// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ConformanceTests;

/// <summary>Values shared by the suites.</summary>
public static class ConformanceConstants
{
    /// <summary>The key every conformance client is configured with; error messages must never contain it.</summary>
    public const string ApiKey = "sk-conformance-7d1f0c9a4be24c55SECRET";

    /// <summary>A generous per-test safety timeout (ms) so a provider that hangs fails instead of blocking the run; not a timing assertion.</summary>
    public const int TestTimeout = 60_000;
}
