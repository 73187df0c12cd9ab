// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>The per-minute limits of a provider.</summary>
public enum RateLimitKind
{
    /// <summary>Requests per minute (<c>RequestsPerMinute</c>); stores name it <c>rpm</c>.</summary>
    Requests = 0,

    /// <summary>Tokens per minute (<c>TokensPerMinute</c>); stores name it <c>tpm</c>.</summary>
    Tokens,
}
