// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;

// The SQLite persistence package implements the engine's internal store seams (IBudgetStore) and wraps the in-memory usage
// ledger. It ships in lock-step with the engine (same version), so these internal contracts are not a public API.
[assembly: InternalsVisibleTo("AssistantProviders.Sqlite")]
[assembly: InternalsVisibleTo("AssistantProviders.Sqlite.Tests")]
