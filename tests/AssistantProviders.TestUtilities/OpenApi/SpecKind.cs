// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.TestUtilities.OpenApi;

/// <summary>The kind of document an <see cref="OpenApiRequestValidator"/> reads.</summary>
public enum SpecKind
{
    /// <summary>An OpenAPI 3.0 or 3.1 document (YAML or JSON); request bodies are found by path and method.</summary>
    OpenApi,

    /// <summary>A Google API discovery document; request bodies are found by method <c>flatPath</c> and <c>httpMethod</c>.</summary>
    Discovery,

    /// <summary>A plain JSON Schema file that is itself the request-body schema (any path matches).</summary>
    JsonSchema,
}
