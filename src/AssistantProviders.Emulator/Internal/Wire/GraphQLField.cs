// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>One field of a parsed GraphQL selection: its name, its arguments (as JSON: enums become strings) and its sub-selection.</summary>
internal sealed class GraphQLField
{
    public GraphQLField(string name, JsonObject arguments, IReadOnlyList<GraphQLField> selections)
    {
        Name = name;
        Arguments = arguments;
        Selections = selections;
    }

    public string Name { get; }

    public JsonObject Arguments { get; }

    public IReadOnlyList<GraphQLField> Selections { get; }
}
