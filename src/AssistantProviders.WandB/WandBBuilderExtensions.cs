// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.WandB;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds W&amp;B Weave tracing to an <see cref="IAssistantProvidersBuilder"/>.</summary>
public static class WandBBuilderExtensions
{
    /// <summary>
    /// Registers OpenTelemetry tracing (<c>services.AddOpenTelemetry().WithTracing(...)</c>) that exports the router's spans to
    /// W&amp;B Weave. Key, entity and project are read from <c>WANDB_API_KEY</c>, <c>WANDB_ENTITY</c>, <c>WANDB_PROJECT</c>
    /// (environment or <c>.env</c>) unless <paramref name="configure"/> sets them. Requires a host.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the exporter options.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddWandB(this IAssistantProvidersBuilder builder, Action<WandBExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddWandBExporter(o =>
        {
            o.ApiKey ??= ApiKey.FromString(builder.GetEnvironmentValue(WandBExporterOptions.ApiKeyEnvironmentVariable));
            o.Entity ??= builder.GetEnvironmentValue(WandBExporterOptions.EntityEnvironmentVariable);
            o.Project ??= builder.GetEnvironmentValue(WandBExporterOptions.ProjectEnvironmentVariable);
            configure?.Invoke(o);
        }));
        return builder;
    }
}
