// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using AssistantProviders;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AgentSample;

/// <summary>
/// Exports traces when a tracing key is set: LangSmith with <c>LANGSMITH_API_KEY</c> (or <c>LANGCHAIN_API_KEY</c>; the project from
/// <c>LANGSMITH_PROJECT</c>, another region from <c>LANGSMITH_ENDPOINT</c>), W&amp;B Weave
/// with <c>WANDB_API_KEY</c> (and <c>WANDB_ENTITY</c>, <c>WANDB_PROJECT</c>), through the AssistantProviders.LangSmith and
/// AssistantProviders.WandB exporters: the router's spans (activity source <c>AssistantProviders</c>) and the agent's own
/// (<see cref="AgentSourceName"/>, from the Agent Framework's OpenTelemetry agent).
/// </summary>
internal static class Tracing
{
    /// <summary>The activity source of the agent's spans.</summary>
    public const string AgentSourceName = "AssistantProviders.Samples.Agent";

    /// <summary>Gets the source of each run's root span (the agent's and the router's spans of the run are its children).</summary>
    public static ActivitySource Runs { get; } = new(AgentSourceName);

    /// <summary>Starts the exporters whose keys are set; returns the tracer provider (dispose it to flush) or <see langword="null"/>.</summary>
    public static TracerProvider? Start(IAssistantProvidersBuilder providers)
    {
        var langSmith = providers.GetEnvironmentValue("LANGSMITH_API_KEY") ?? providers.GetEnvironmentValue("LANGCHAIN_API_KEY");
        var wandB = providers.GetEnvironmentValue("WANDB_API_KEY");
        if (langSmith is null && wandB is null)
        {
            Console.WriteLine("Traces:  not exported (set LANGSMITH_API_KEY, or WANDB_API_KEY with WANDB_ENTITY and WANDB_PROJECT)");
            return null;
        }

        var builder = Sdk.CreateTracerProviderBuilder().AddSource(AgentSourceName);
        var targets = new List<string>();
        if (langSmith is not null)
        {
            var project = providers.GetEnvironmentValue("LANGSMITH_PROJECT") ?? providers.GetEnvironmentValue("LANGCHAIN_PROJECT");
            var endpoint = providers.GetEnvironmentValue("LANGSMITH_ENDPOINT") ?? providers.GetEnvironmentValue("LANGCHAIN_ENDPOINT");
            builder.AddLangSmithExporter(o =>
            {
                o.ApiKey = langSmith;
                o.Project = project ?? o.Project;
                if (endpoint is not null)
                {
                    // LangSmith's base URL (e.g. https://eu.api.smith.langchain.com); its OTLP traces route is /otel/v1/traces.
                    o.Endpoint = new Uri(endpoint.TrimEnd('/') + "/otel/v1/traces");
                }
            });
            targets.Add($"LangSmith (project {project ?? "default"})");
        }

        if (wandB is not null)
        {
            var entity = providers.GetEnvironmentValue("WANDB_ENTITY");
            var project = providers.GetEnvironmentValue("WANDB_PROJECT");
            if (entity is null || project is null)
            {
                Console.WriteLine("Traces:  WANDB_API_KEY is set but WANDB_ENTITY or WANDB_PROJECT is not: W&B export is off");
            }
            else
            {
                builder.AddWandBExporter(o =>
                {
                    o.ApiKey = wandB;
                    o.Entity = entity;
                    o.Project = project;
                });
                targets.Add($"W&B Weave ({entity}/{project})");
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        Console.WriteLine($"Traces:  sent to {string.Join(" and ", targets)} when the run ends");
        return builder.Build();
    }
}
