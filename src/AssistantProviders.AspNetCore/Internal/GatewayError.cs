// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal;

/// <summary>One error as the gateway answers it: HTTP status, OpenAI's error fields and an optional Retry-After.</summary>
internal readonly record struct GatewayError(int Status, string Type, string? Code, string? Param, string Message, TimeSpan? RetryAfter = null)
{
    public const string InvalidRequest = "invalid_request_error";
    public const string Authentication = "authentication_error";
    public const string RateLimit = "rate_limit_error";
    public const string InsufficientQuota = "insufficient_quota";
    public const string Upstream = "upstream_error";
    public const string Server = "server_error";
    public const string NotFound = "not_found_error";
}
