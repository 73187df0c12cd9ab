// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;

// The scale-out package implements the engine's internal store seams (IBudgetStore, IRateLimitGate, ISharedRouteHealth).
// It ships in lock-step with the engine (same version), so these internal contracts are not a public API.
[assembly: InternalsVisibleTo("AssistantProviders.Redis")]
[assembly: InternalsVisibleTo("AssistantProviders.Redis.Tests")]
