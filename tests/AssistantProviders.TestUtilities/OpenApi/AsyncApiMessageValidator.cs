// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.TestUtilities.OpenApi;

/// <summary>
/// A small AsyncAPI (2.x/3.x) lookup for socket control messages: the payload schema of <c>components.messages.&lt;name&gt;</c>
/// (following a <c>$ref</c> to <c>components.messages</c>), with every <c>components.schemas</c> entry as <c>$defs</c>, handed to
/// <see cref="OpenApiRequestValidator"/> as a plain JSON Schema (so the same OpenAPI-to-2020-12 translation applies).
/// </summary>
public static class AsyncApiMessageValidator
{
    /// <summary>Builds a validator for one message of a spec in <c>../shared/specs/&lt;provider&gt;/</c>; skips the test when absent.</summary>
    /// <param name="provider">The spec folder, for example <c>assemblyai</c>.</param>
    /// <param name="file">The AsyncAPI file, for example <c>usm-streaming.yml</c>.</param>
    /// <param name="messageName">The key under <c>components.messages</c>, for example <c>SessionTermination</c>.</param>
    /// <returns>The validator; validate with any path and method, for example <c>Validate("/", "SEND", json)</c>.</returns>
    public static OpenApiRequestValidator ForMessage(string provider, string file, string messageName)
    {
        var path = RepoPaths.Spec(provider, file);
        var document = YamlJson.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a YAML object.");
        var components = document["components"] as JsonObject ?? throw new InvalidDataException($"{path} has no components.");
        var message = components["messages"]?[messageName] as JsonObject ?? throw new InvalidDataException($"{path} has no message '{messageName}'.");
        if (message["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/messages/", StringComparison.Ordinal))
        {
            message = components["messages"]?[reference["#/components/messages/".Length..]] as JsonObject ?? message;
        }

        var payload = message["payload"]?.DeepClone() as JsonObject ?? throw new InvalidDataException($"{path}: message '{messageName}' has no payload schema.");
        payload["$defs"] = components["schemas"]?.DeepClone() ?? new JsonObject();
        var text = payload.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return OpenApiRequestValidator.Parse(text, SpecKind.JsonSchema, $"{path}#{messageName}");
    }
}
