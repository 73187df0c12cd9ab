// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace AssistantProviders.Shared;

/// <summary>
/// What the vendor trace exporters (LangSmith, W&amp;B Weave) share: the endpoint rule, and an OTLP/HTTP protobuf exporter whose
/// <see cref="HttpClient"/> sends the vendor's headers on every export and never follows redirects (so the key never reaches another host).
/// </summary>
internal static class OtlpTraceExport
{
    /// <summary>The engine's activity source name (the exporters never reference the engine).</summary>
    public const string SourceName = "AssistantProviders";

    /// <summary>Checks an exporter endpoint: https, or http only on loopback.</summary>
    public static void ValidateEndpoint(Uri endpoint, string vendor, string setting)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!ProviderEndpointPolicy.IsAllowed(endpoint, ProviderLocality.Cloud, out var error))
        {
            throw new InvalidOperationException($"{vendor} exporter endpoint rejected ({setting}): {error}");
        }
    }

    /// <summary>Adds an OTLP/HTTP protobuf trace exporter that sends <paramref name="headers"/> to <paramref name="endpoint"/>.</summary>
    public static TracerProviderBuilder AddExporter(TracerProviderBuilder builder, Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOtlpExporter(o =>
        {
            o.Endpoint = endpoint;
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.TimeoutMilliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
            o.HttpClientFactory = () =>
            {
#pragma warning disable CA2000 // The HttpClient owns (and disposes) its handler.
                var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
#pragma warning restore CA2000
                {
                    Timeout = timeout,
                };
                foreach (var header in headers)
                {
                    client.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
                }

                return client;
            };
        });
    }
}
