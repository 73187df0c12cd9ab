// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.WandB;

/// <summary>Settings of the W&amp;B Weave trace exporter. Defaults come from <c>WANDB_API_KEY</c>, <c>WANDB_ENTITY</c> and <c>WANDB_PROJECT</c>.</summary>
public sealed class WandBExporterOptions
{
    /// <summary>The API key environment variable.</summary>
    public const string ApiKeyEnvironmentVariable = "WANDB_API_KEY";

    /// <summary>The entity (team or user) environment variable.</summary>
    public const string EntityEnvironmentVariable = "WANDB_ENTITY";

    /// <summary>The project environment variable.</summary>
    public const string ProjectEnvironmentVariable = "WANDB_PROJECT";

    /// <summary>The multi-tenant cloud OTLP trace endpoint. Dedicated and self-managed: <c>https://&lt;subdomain&gt;.wandb.io/traces/otel/v1/traces</c>.</summary>
    public static readonly Uri DefaultEndpoint = new("https://trace.wandb.ai/otel/v1/traces");

    /// <summary>Initializes a new instance of the <see cref="WandBExporterOptions"/> class from the environment.</summary>
    public WandBExporterOptions()
    {
        ApiKey = ApiKey.FromString(Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable));
        Entity = Environment.GetEnvironmentVariable(EntityEnvironmentVariable);
        Project = Environment.GetEnvironmentVariable(ProjectEnvironmentVariable);
    }

    /// <summary>Gets or sets the W&amp;B API key (sent as HTTP Basic <c>api:&lt;key&gt;</c>).</summary>
    public ApiKey? ApiKey { get; set; }

    /// <summary>Gets or sets the W&amp;B entity (team or user name).</summary>
    public string? Entity { get; set; }

    /// <summary>Gets or sets the Weave project name. Traces go to <c>&lt;entity&gt;/&lt;project&gt;</c> (the <c>project_id</c> header).</summary>
    public string? Project { get; set; }

    /// <summary>Gets or sets the full OTLP/HTTP trace endpoint. Default <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Gets or sets the export timeout. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
