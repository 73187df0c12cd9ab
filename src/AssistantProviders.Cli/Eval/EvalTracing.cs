// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.WandB;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// The eval run as a W&amp;B experiment: with <c>WANDB_API_KEY</c> set, the eval host exports its traces to W&amp;B (Weave's
/// OpenTelemetry endpoint, through <c>AddWandB</c>), the eval spans included. Without it nothing is exported and the local
/// <c>results.json</c> is the experiment record.
/// </summary>
internal static class EvalTracing
{
    public static Action<IAssistantProvidersBuilder>? Configure()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(WandBExporterOptions.ApiKeyEnvironmentVariable)))
        {
            return null;
        }

        return builder =>
        {
            builder.AddWandB(o => o.Project ??= "assistant-providers-eval");
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(EvalRunner.Source.Name));
        };
    }
}
