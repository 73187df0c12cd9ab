// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders;
using AssistantProviders.Shared;
using AssistantProviders.WandB;
using OpenTelemetry.Resources;

namespace OpenTelemetry.Trace;

/// <summary>Adds the W&amp;B Weave OTLP exporter to a <see cref="TracerProviderBuilder"/>.</summary>
public static class WandBTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <c>AssistantProviders</c> activity source and exports its spans to W&amp;B Weave over OTLP/HTTP protobuf,
    /// authenticated with HTTP Basic <c>api:&lt;key&gt;</c> and routed with the <c>project_id: &lt;entity&gt;/&lt;project&gt;</c> header
    /// (also set as the <c>wandb.entity</c> / <c>wandb.project</c> resource attributes newer Weave servers read).
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <param name="configure">Changes the options (defaults come from <c>WANDB_API_KEY</c>, <c>WANDB_ENTITY</c>, <c>WANDB_PROJECT</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No API key, entity or project, or an endpoint that is not https (http only for loopback).</exception>
    public static TracerProviderBuilder AddWandBExporter(this TracerProviderBuilder builder, Action<WandBExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new WandBExporterOptions();
        configure?.Invoke(options);
        var key = options.ApiKey ?? throw new InvalidOperationException(
            $"W&B exporter: no API key. Set {WandBExporterOptions.ApiKeyEnvironmentVariable} or WandBExporterOptions.ApiKey.");
        if (string.IsNullOrWhiteSpace(options.Entity) || string.IsNullOrWhiteSpace(options.Project))
        {
            throw new InvalidOperationException(
                $"W&B exporter: traces need an entity and a project. Set {WandBExporterOptions.EntityEnvironmentVariable} and {WandBExporterOptions.ProjectEnvironmentVariable}, or WandBExporterOptions.Entity and Project.");
        }

        OtlpTraceExport.ValidateEndpoint(options.Endpoint, "W&B", "WandBExporterOptions.Endpoint");
        var entity = options.Entity.Trim();
        var project = options.Project.Trim();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + key.Reveal()));
        builder.AddSource(OtlpTraceExport.SourceName);
        builder.ConfigureResource(r => r.AddAttributes([new("wandb.entity", entity), new("wandb.project", project)]));
        return OtlpTraceExport.AddExporter(
            builder,
            options.Endpoint,
            [new("Authorization", "Basic " + basic), new("project_id", entity + "/" + project)],
            options.Timeout);
    }
}
