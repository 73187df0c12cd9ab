// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.LangSmith;
using AssistantProviders.Shared;

namespace OpenTelemetry.Trace;

/// <summary>Adds the LangSmith OTLP exporter to a <see cref="TracerProviderBuilder"/>.</summary>
public static class LangSmithTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <c>AssistantProviders</c> activity source and exports its spans to LangSmith over OTLP/HTTP protobuf,
    /// with the <c>x-api-key</c> and <c>Langsmith-Project</c> headers.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <param name="configure">Changes the options (defaults come from <c>LANGCHAIN_API_KEY</c> and <c>LANGCHAIN_PROJECT</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No API key, or an endpoint that is not https (http is allowed only for loopback).</exception>
    public static TracerProviderBuilder AddLangSmithExporter(this TracerProviderBuilder builder, Action<LangSmithExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LangSmithExporterOptions();
        configure?.Invoke(options);
        var key = options.ApiKey ?? throw new InvalidOperationException(
            $"LangSmith exporter: no API key. Set {LangSmithExporterOptions.ApiKeyEnvironmentVariable} (or LANGSMITH_API_KEY), or LangSmithExporterOptions.ApiKey.");
        OtlpTraceExport.ValidateEndpoint(options.Endpoint, "LangSmith", "LangSmithExporterOptions.Endpoint");
        var headers = new List<KeyValuePair<string, string>> { new("x-api-key", key.Reveal()) };
        if (!string.IsNullOrWhiteSpace(options.Project))
        {
            headers.Add(new("Langsmith-Project", options.Project.Trim()));
        }

        builder.AddSource(OtlpTraceExport.SourceName);
        return OtlpTraceExport.AddExporter(builder, options.Endpoint, headers, options.Timeout);
    }
}
