// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Maps an OpenAI chat request to MEAI messages and <see cref="ChatOptions"/>. Every refusal names the field (OpenAI's
/// <c>param</c>), for example <c>messages[2].content[0].image_url.url</c>.
/// </summary>
internal static class ChatRequestMapper
{
    public static List<ChatMessage> MapMessages(ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 } wire)
        {
            throw new GatewayRequestException("'messages' is required and must not be empty.", "messages");
        }

        var messages = new List<ChatMessage>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
        {
            var m = wire[i] ?? throw new GatewayRequestException("A message must be an object.", Field(i));
            messages.Add(MapMessage(m, i));
        }

        return messages;
    }

    public static ChatOptions MapOptions(ChatCompletionRequest request, string tenant)
    {
        if (request.N is { } n && n != 1)
        {
            throw new GatewayRequestException("Only n = 1 is supported by this gateway.", "n", "unsupported");
        }

        if (request.Logprobs is true)
        {
            throw new GatewayRequestException("logprobs is not supported by this gateway.", "logprobs", "unsupported");
        }

        var options = new ChatOptions
        {
            ModelId = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
            Temperature = request.Temperature,
            TopP = request.TopP,
            MaxOutputTokens = request.MaxCompletionTokens ?? request.MaxTokens,
            Seed = request.Seed,
            FrequencyPenalty = request.FrequencyPenalty,
            PresencePenalty = request.PresencePenalty,
            StopSequences = Stop(request.Stop),
            AllowMultipleToolCalls = request.ParallelToolCalls,
            ResponseFormat = Format(request.ResponseFormat),
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = tenant },
        };

        if (request.Tools is { Count: > 0 } tools)
        {
            var list = new List<AITool>(tools.Count);
            for (var i = 0; i < tools.Count; i++)
            {
                list.Add(Tool(tools[i], i));
            }

            options.Tools = list;
        }

        options.ToolMode = ToolMode(request.ToolChoice);
        return options;
    }

    private static ChatMessage MapMessage(WireChatMessage m, int i)
    {
        var role = m.Role?.Trim().ToLowerInvariant();
        var message = role switch
        {
            "system" or "developer" => new ChatMessage(ChatRole.System, TextOnly(m.Content, i)),
            "user" => new ChatMessage(ChatRole.User, UserContents(m.Content, i)),
            "assistant" => new ChatMessage(ChatRole.Assistant, AssistantContents(m, i)),
            "tool" => new ChatMessage(ChatRole.Tool, [ToolResult(m, i)]),
            null or "" => throw new GatewayRequestException("Each message needs a 'role'.", Field(i, "role")),
            _ => throw new GatewayRequestException("Unknown role '" + m.Role + "': use system, developer, user, assistant or tool.", Field(i, "role")),
        };
        message.AuthorName = m.Name;
        return message;
    }

    private static string TextOnly(JsonElement? content, int i)
    {
        if (content is not { } c || c.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return string.Empty;
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString() ?? string.Empty;
        }

        if (c.ValueKind != JsonValueKind.Array)
        {
            throw new GatewayRequestException("'content' must be a string or an array of parts.", Field(i, "content"));
        }

        var text = new System.Text.StringBuilder();
        var j = 0;
        foreach (var part in c.EnumerateArray())
        {
            if (PartType(part, i, j) != "text")
            {
                throw new GatewayRequestException("Only text parts are allowed in this message.", Field(i, "content[" + j.ToString(CultureInfo.InvariantCulture) + "].type"));
            }

            text.Append(PartText(part, i, j));
            j++;
        }

        return text.ToString();
    }

    private static List<AIContent> UserContents(JsonElement? content, int i)
    {
        if (content is not { } c || c.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new GatewayRequestException("A user message needs 'content'.", Field(i, "content"));
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return [new TextContent(c.GetString())];
        }

        if (c.ValueKind != JsonValueKind.Array)
        {
            throw new GatewayRequestException("'content' must be a string or an array of parts.", Field(i, "content"));
        }

        var contents = new List<AIContent>();
        var j = 0;
        foreach (var part in c.EnumerateArray())
        {
            var at = "content[" + j.ToString(CultureInfo.InvariantCulture) + "]";
            switch (PartType(part, i, j))
            {
                case "text":
                    contents.Add(new TextContent(PartText(part, i, j)));
                    break;
                case "image_url":
                    contents.Add(Image(part, Field(i, at + ".image_url.url")));
                    break;
                case "input_audio":
                    contents.Add(Audio(part, Field(i, at + ".input_audio")));
                    break;
                default:
                    throw new GatewayRequestException("Unsupported content part type: use text, image_url or input_audio.", Field(i, at + ".type"), "unsupported");
            }

            j++;
        }

        return contents;
    }

    private static List<AIContent> AssistantContents(WireChatMessage m, int i)
    {
        var contents = new List<AIContent>();
        var text = TextOnly(m.Content, i);
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        if (m.ToolCalls is { } calls)
        {
            for (var j = 0; j < calls.Count; j++)
            {
                var at = "tool_calls[" + j.ToString(CultureInfo.InvariantCulture) + "]";
                var call = calls[j];
                if (call?.Id is not { Length: > 0 } id)
                {
                    throw new GatewayRequestException("A tool call needs an 'id'.", Field(i, at + ".id"));
                }

                if (call.Function?.Name is not { Length: > 0 } name)
                {
                    throw new GatewayRequestException("A tool call needs 'function.name'.", Field(i, at + ".function.name"));
                }

                contents.Add(new FunctionCallContent(id, name, Arguments(call.Function.Arguments, Field(i, at + ".function.arguments"))));
            }
        }

        return contents;
    }

    private static FunctionResultContent ToolResult(WireChatMessage m, int i)
    {
        if (m.ToolCallId is not { Length: > 0 } id)
        {
            throw new GatewayRequestException("A tool message needs 'tool_call_id'.", Field(i, "tool_call_id"));
        }

        return new FunctionResultContent(id, TextOnly(m.Content, i));
    }

    private static Dictionary<string, object?>? Arguments(string? json, string field)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new GatewayRequestException("Tool call arguments must be a JSON object.", field);
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }

            return arguments;
        }
        catch (JsonException)
        {
            throw new GatewayRequestException("Tool call arguments are not valid JSON.", field);
        }
    }

    private static string PartType(JsonElement part, int i, int j)
    {
        if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new GatewayRequestException("Each content part needs a 'type'.", Field(i, "content[" + j.ToString(CultureInfo.InvariantCulture) + "].type"));
        }

        return type.GetString()!;
    }

    private static string PartText(JsonElement part, int i, int j)
    {
        if (!part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new GatewayRequestException("A text part needs a string 'text'.", Field(i, "content[" + j.ToString(CultureInfo.InvariantCulture) + "].text"));
        }

        return text.GetString()!;
    }

    private static AIContent Image(JsonElement part, string field)
    {
        if (!part.TryGetProperty("image_url", out var image) || image.ValueKind != JsonValueKind.Object
            || !image.TryGetProperty("url", out var urlElement) || urlElement.GetString() is not { Length: > 0 } url)
        {
            throw new GatewayRequestException("An image_url part needs 'image_url.url'.", field);
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var data = new DataContent(url);
                if (!data.HasTopLevelMediaType("image"))
                {
                    throw new GatewayRequestException("The data URL is not an image.", field);
                }

                return data;
            }
            catch (FormatException)
            {
                throw new GatewayRequestException("The data URL is not valid (data:image/<type>;base64,<data>).", field);
            }
            catch (ArgumentException)
            {
                throw new GatewayRequestException("The data URL is not valid (data:image/<type>;base64,<data>).", field);
            }
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return new UriContent(uri, "image/*");
        }

        throw new GatewayRequestException("The image URL must be an http(s) URL or a data: URL.", field);
    }

    private static DataContent Audio(JsonElement part, string field)
    {
        if (!part.TryGetProperty("input_audio", out var audio) || audio.ValueKind != JsonValueKind.Object
            || !audio.TryGetProperty("data", out var dataElement) || dataElement.GetString() is not { Length: > 0 } data)
        {
            throw new GatewayRequestException("An input_audio part needs 'input_audio.data' (base64).", field + ".data");
        }

        var format = audio.TryGetProperty("format", out var f) && f.GetString() is { Length: > 0 } given ? given.ToLowerInvariant() : "wav";
        var mediaType = format switch
        {
            "mp3" => "audio/mpeg",
            "wav" => "audio/wav",
            _ => throw new GatewayRequestException("input_audio.format must be wav or mp3.", field + ".format"),
        };

        try
        {
            return new DataContent(Convert.FromBase64String(data), mediaType);
        }
        catch (FormatException)
        {
            throw new GatewayRequestException("input_audio.data is not valid base64.", field + ".data");
        }
    }

    private static List<string>? Stop(JsonElement? stop)
    {
        if (stop is not { } s || s.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (s.ValueKind == JsonValueKind.String)
        {
            return [s.GetString()!];
        }

        if (s.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            foreach (var item in s.EnumerateArray())
            {
                list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new GatewayRequestException("'stop' must be a string or an array of strings.", "stop"));
            }

            return list;
        }

        throw new GatewayRequestException("'stop' must be a string or an array of strings.", "stop");
    }

    private static ChatResponseFormatJson? Format(WireResponseFormat? format)
    {
        switch (format?.Type)
        {
            case null or "text":
                return null;
            case "json_object":
                return ChatResponseFormat.Json;
            case "json_schema":
                if (format.JsonSchema?.Schema is not { ValueKind: JsonValueKind.Object } schema)
                {
                    throw new GatewayRequestException("response_format json_schema needs 'json_schema.schema' (an object).", "response_format.json_schema.schema");
                }

                return ChatResponseFormat.ForJsonSchema(schema, format.JsonSchema.Name, format.JsonSchema.Description);
            default:
                throw new GatewayRequestException("response_format.type must be text, json_object or json_schema.", "response_format.type");
        }
    }

    private static AIFunctionDeclaration Tool(WireTool? tool, int i)
    {
        var at = "tools[" + i.ToString(CultureInfo.InvariantCulture) + "]";
        if (tool?.Type is not (null or "function"))
        {
            throw new GatewayRequestException("Only function tools are supported.", at + ".type", "unsupported");
        }

        if (tool?.Function?.Name is not { Length: > 0 } name)
        {
            throw new GatewayRequestException("A tool needs 'function.name'.", at + ".function.name");
        }

        var schema = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } p ? p : EmptySchema;
        return AIFunctionFactory.CreateDeclaration(name, tool.Function.Description, schema);
    }

    private static ChatToolMode? ToolMode(JsonElement? choice)
    {
        if (choice is not { } c || c.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString() switch
            {
                "auto" => ChatToolMode.Auto,
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => throw new GatewayRequestException("tool_choice must be none, auto, required or a named function.", "tool_choice"),
            };
        }

        if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("function", out var function)
            && function.ValueKind == JsonValueKind.Object && function.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } n)
        {
            return ChatToolMode.RequireSpecific(n);
        }

        throw new GatewayRequestException("tool_choice must be none, auto, required or {\"type\":\"function\",\"function\":{\"name\":...}}.", "tool_choice");
    }

    private static JsonElement EmptySchema { get; } = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    private static string Field(int i, string? rest = null) =>
        "messages[" + i.ToString(CultureInfo.InvariantCulture) + "]" + (rest is null ? string.Empty : "." + rest);
}
