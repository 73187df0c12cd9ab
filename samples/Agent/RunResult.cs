// Licensed under the MIT License. See LICENSE in the project root.
namespace AgentSample;

/// <summary>What one run did.</summary>
/// <param name="Taught">Whether it was a teaching run.</param>
/// <param name="Recalled">Whether a recall run found the fact and used it.</param>
/// <param name="Cost">Its cost in USD, from the usage ledger.</param>
/// <param name="Problem">What went wrong, if anything.</param>
internal sealed record RunResult(bool Taught, bool Recalled, decimal Cost, string? Problem);
