// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>What went wrong with a provider call, coarse enough for callers and routers to branch on.</summary>
public enum ProviderErrorKind
{
    /// <summary>Not classified.</summary>
    Unknown = 0,

    /// <summary>The vendor rejected the request as invalid (400/422).</summary>
    BadRequest,

    /// <summary>The key is missing, invalid or revoked (401).</summary>
    Authentication,

    /// <summary>The key is valid but not allowed to do this (403).</summary>
    PermissionDenied,

    /// <summary>The model or resource does not exist (404).</summary>
    NotFound,

    /// <summary>Too many requests (429).</summary>
    RateLimited,

    /// <summary>The account is out of credit or quota (402, or a 429 the vendor marks as quota).</summary>
    QuotaExceeded,

    /// <summary>The vendor's safety system blocked the prompt or the answer.</summary>
    ContentFiltered,

    /// <summary>The prompt does not fit the model's context window.</summary>
    ContextLengthExceeded,

    /// <summary>A 5xx from the vendor.</summary>
    ServerError,

    /// <summary>The vendor is overloaded (503/529).</summary>
    Overloaded,

    /// <summary>An attempt timed out (total, time to first token or idle between chunks).</summary>
    Timeout,

    /// <summary>A stream ended before its terminator.</summary>
    IncompleteStream,

    /// <summary>The vendor sent a body that could not be parsed or understood.</summary>
    InvalidResponse,

    /// <summary>The vendor sent a response or event larger than the configured cap.</summary>
    ResponseTooLarge,

    /// <summary>A spending limit would be exceeded.</summary>
    BudgetExceeded,

    /// <summary>No provider was eligible for the request.</summary>
    NoEligibleRoute,

    /// <summary>The provider is not configured (for example, it has no key).</summary>
    NotConfigured,

    /// <summary>The connection failed or was reset.</summary>
    Network,
}
