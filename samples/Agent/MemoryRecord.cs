// Licensed under the MIT License. See LICENSE in the project root.
namespace AgentSample;

/// <summary>One memory record in the file: its key, its text fields (<see cref="MemoryLayout.TextFields"/>) and its vector.</summary>
/// <param name="Key">The record key.</param>
/// <param name="Fields">The text fields that have a value.</param>
/// <param name="Vector">The embedding of the content.</param>
internal sealed record MemoryRecord(Guid Key, Dictionary<string, string?> Fields, float[] Vector);
