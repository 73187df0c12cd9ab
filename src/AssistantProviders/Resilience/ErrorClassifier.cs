// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;

namespace AssistantProviders.Resilience;

/// <summary>Maps any exception from a provider call to a <see cref="ProviderErrorKind"/>.</summary>
internal static class ErrorClassifier
{
    public static ProviderErrorKind Classify(Exception exception)
    {
        switch (exception)
        {
            case AssistantProviderException ape when ape.Kind != ProviderErrorKind.Unknown:
                return ape.Kind;
            case AssistantProviderException ape when ape.StatusCode is { } status:
                return FromStatus(status);
            case HttpRequestException hre:
                return hre.StatusCode is { } code ? FromStatus((int)code) : ProviderErrorKind.Network;
            case TimeoutException:
            case OperationCanceledException:
                return ProviderErrorKind.Timeout;
            case IOException:
                return ProviderErrorKind.Network;
            default:
                return ProviderErrorKind.Unknown;
        }
    }

    public static int? StatusOf(Exception exception) => exception switch
    {
        AssistantProviderException ape => ape.StatusCode,
        HttpRequestException hre => (int?)hre.StatusCode,
        _ => null,
    };

    public static TimeSpan? RetryAfterOf(Exception exception) => (exception as AssistantProviderException)?.RetryAfter;

    /// <summary>Gets a value indicating whether the error says the provider is unwell (counts toward the breaker).</summary>
    public static bool IsProviderFailure(ProviderErrorKind kind) => kind is ProviderErrorKind.RateLimited or ProviderErrorKind.QuotaExceeded
        or ProviderErrorKind.ServerError or ProviderErrorKind.Overloaded or ProviderErrorKind.Timeout or ProviderErrorKind.IncompleteStream
        or ProviderErrorKind.InvalidResponse or ProviderErrorKind.ResponseTooLarge or ProviderErrorKind.Network or ProviderErrorKind.Unknown;

    /// <summary>Gets a value indicating whether the route should cool down after the error.</summary>
    public static bool CoolsDown(ProviderErrorKind kind) => kind is ProviderErrorKind.RateLimited or ProviderErrorKind.QuotaExceeded
        or ProviderErrorKind.ServerError or ProviderErrorKind.Overloaded or ProviderErrorKind.Timeout;

    /// <summary>Gets a value indicating whether the same route may be tried again (the vendor did not process the request).</summary>
    public static bool RetriesSameRoute(ProviderErrorKind kind) => kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ServerError
        or ProviderErrorKind.Overloaded or ProviderErrorKind.Network;

    private static ProviderErrorKind FromStatus(int status) => status switch
    {
        (int)HttpStatusCode.BadRequest or 422 => ProviderErrorKind.BadRequest,
        (int)HttpStatusCode.Unauthorized => ProviderErrorKind.Authentication,
        (int)HttpStatusCode.PaymentRequired => ProviderErrorKind.QuotaExceeded,
        (int)HttpStatusCode.Forbidden => ProviderErrorKind.PermissionDenied,
        (int)HttpStatusCode.NotFound => ProviderErrorKind.NotFound,
        (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.GatewayTimeout => ProviderErrorKind.Timeout,
        (int)HttpStatusCode.TooManyRequests => ProviderErrorKind.RateLimited,
        (int)HttpStatusCode.ServiceUnavailable or 529 => ProviderErrorKind.Overloaded,
        >= 500 => ProviderErrorKind.ServerError,
        _ => ProviderErrorKind.Unknown,
    };
}
