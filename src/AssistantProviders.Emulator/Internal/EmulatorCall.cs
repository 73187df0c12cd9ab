// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.Emulator.Internal;

/// <summary>One request as the wire formats see it: vendor, route below the vendor prefix, body and parsed JSON.</summary>
internal sealed class EmulatorCall
{
    private bool _parsed;
    private JsonNode? _json;

    public EmulatorCall(HttpContext http, string vendor, string route, byte[] body, EmulatorState state)
    {
        Http = http;
        Vendor = vendor;
        Route = route;
        Body = body;
        State = state;
        Seed = Deterministic.Hash(body, Deterministic.Hash(vendor + " " + route));
    }

    public HttpContext Http { get; }

    /// <summary>Gets the vendor id (first path segment, lower case).</summary>
    public string Vendor { get; }

    /// <summary>Gets the path below the vendor's API prefix, for example <c>chat/completions</c> or <c>models/emu-cheap:generateContent</c>.</summary>
    public string Route { get; }

    public byte[] Body { get; }

    public EmulatorState State { get; }

    /// <summary>Gets the hash of the vendor, route and body: the seed of every id in the answer.</summary>
    public ulong Seed { get; }

    public bool IsGet => HttpMethods.IsGet(Http.Request.Method);

    public bool IsPost => HttpMethods.IsPost(Http.Request.Method);

    /// <summary>Gets a value indicating whether the body is present but not valid JSON.</summary>
    public bool InvalidJson => Json is null && Body.Length > 0 && !IsMultipart && !IsBinary;

    /// <summary>Gets a value indicating whether the body is raw bytes (<c>application/octet-stream</c> or <c>audio/*</c>: an upload), not JSON.</summary>
    public bool IsBinary => Http.Request.ContentType is { } type &&
        (type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase));

    public bool IsMultipart => Http.Request.HasFormContentType;

    /// <summary>Gets the parsed JSON body, or null when there is none or it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                if (Body.Length > 0 && !IsMultipart)
                {
                    try
                    {
                        _json = JsonNode.Parse(Body);
                    }
                    catch (JsonException)
                    {
                        _json = null;
                    }
                }
            }

            return _json;
        }
    }

    /// <summary>Gets the model named by the request body (<c>model</c>), or null.</summary>
    public string? BodyModel => JsonText.Str(Json, "model");
}
