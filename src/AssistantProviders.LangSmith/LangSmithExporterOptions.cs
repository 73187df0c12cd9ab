// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.LangSmith;

/// <summary>Settings of the LangSmith trace exporter. Defaults come from <c>LANGCHAIN_API_KEY</c> (or <c>LANGSMITH_API_KEY</c>) and <c>LANGCHAIN_PROJECT</c> (or <c>LANGSMITH_PROJECT</c>).</summary>
public sealed class LangSmithExporterOptions
{
    /// <summary>The API key environment variable.</summary>
    public const string ApiKeyEnvironmentVariable = "LANGCHAIN_API_KEY";

    /// <summary>The project environment variable.</summary>
    public const string ProjectEnvironmentVariable = "LANGCHAIN_PROJECT";

    /// <summary>The default OTLP trace endpoint (US). EU: <c>https://eu.api.smith.langchain.com/otel/v1/traces</c>.</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.smith.langchain.com/otel/v1/traces");

    /// <summary>Initializes a new instance of the <see cref="LangSmithExporterOptions"/> class from the environment.</summary>
    public LangSmithExporterOptions()
    {
        ApiKey = ApiKey.FromString(Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) ?? Environment.GetEnvironmentVariable("LANGSMITH_API_KEY"));
        Project = Environment.GetEnvironmentVariable(ProjectEnvironmentVariable) ?? Environment.GetEnvironmentVariable("LANGSMITH_PROJECT");
    }

    /// <summary>Gets or sets the LangSmith API key (sent as <c>x-api-key</c>).</summary>
    public ApiKey? ApiKey { get; set; }

    /// <summary>Gets or sets the project the traces go to (sent as <c>Langsmith-Project</c>); LangSmith uses <c>default</c> when unset.</summary>
    public string? Project { get; set; }

    /// <summary>Gets or sets the full OTLP/HTTP trace endpoint. Default <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Gets or sets the export timeout. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
