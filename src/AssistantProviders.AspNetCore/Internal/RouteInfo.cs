// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using AssistantProviders.AspNetCore.Internal.Wire;
using AssistantProviders.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>What the router attached to a response (provider, cost, attempts, explanation), as headers and as the body's extension object.</summary>
internal sealed class RouteInfo
{
    private const int MaxExplanationHeaderChars = 4000;

    public string? Provider { get; set; }

    public CostDetails? Cost { get; set; }

    public int? Attempts { get; set; }

    public RouteExplanation? Explanation { get; set; }

    public decimal? CostUsd => Cost is { Total: { } total } && string.Equals(Cost.Currency, "USD", StringComparison.OrdinalIgnoreCase) ? total : null;

    public static RouteInfo From(AdditionalPropertiesDictionary? properties)
    {
        var info = new RouteInfo();
        info.Read(properties);
        return info;
    }

    /// <summary>Takes what <paramref name="properties"/> carries, keeping what was read before.</summary>
    public void Read(AdditionalPropertiesDictionary? properties)
    {
        if (properties is null)
        {
            return;
        }

        if (properties.TryGetValue(AssistantProviderProperties.Provider, out var provider) && provider is string p && p.Length > 0)
        {
            Provider = p;
        }

        if (properties.TryGetValue(AssistantProviderProperties.Cost, out var cost) && cost is CostDetails c)
        {
            Cost = c;
        }

        if (properties.TryGetValue(AssistantProviderProperties.Attempts, out var attempts) && attempts is IReadOnlyCollection<RouteAttempt> a)
        {
            Attempts = a.Count;
        }

        if (properties.TryGetValue(AssistantProviderProperties.RouteExplanation, out var explanation) && explanation is RouteExplanation e)
        {
            Explanation = e;
        }
    }

    public void WriteHeaders(HttpResponse response, bool explain)
    {
        var headers = response.Headers;
        if (Provider is { } provider)
        {
            headers[GatewayHeaders.Provider] = HeaderSafe(provider, 200);
        }

        if (CostUsd is { } cost)
        {
            headers[GatewayHeaders.CostUsd] = cost.ToString(CultureInfo.InvariantCulture);
        }

        if (Attempts is { } attempts)
        {
            headers[GatewayHeaders.Attempts] = attempts.ToString(CultureInfo.InvariantCulture);
        }

        if (explain && Explanation is { } explanation)
        {
            headers[GatewayHeaders.Explain] = HeaderSafe(explanation.ToString(), MaxExplanationHeaderChars);
        }
    }

    public WireRouteInfo ToWire(bool explain) => new()
    {
        Provider = Provider,
        Attempts = Attempts,
        CostUsd = CostUsd,
        RouteExplanation = explain ? Explanation?.ToString() : null,
    };

    /// <summary>Printable ASCII only (a header value must not carry control characters), capped.</summary>
    private static string HeaderSafe(string value, int max)
    {
        var text = new StringBuilder(Math.Min(value.Length, max));
        foreach (var ch in value)
        {
            if (text.Length >= max)
            {
                break;
            }

            text.Append(ch is >= ' ' and <= '~' ? ch : '?');
        }

        return text.ToString();
    }
}
