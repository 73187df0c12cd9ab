// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>A tenant of a multi-tenant class (<c>POST /v1/schema/{class}/tenants</c>).</summary>
internal sealed class WeaviateTenant
{
    public required string Name { get; init; }
}
