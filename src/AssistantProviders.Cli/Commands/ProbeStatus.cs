// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Commands;

/// <summary>✅ / ❌ / ⏭.</summary>
internal enum ProbeStatus
{
    Passed,
    Failed,
    Skipped,
}
