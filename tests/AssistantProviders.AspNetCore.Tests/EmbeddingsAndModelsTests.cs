// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>Embeddings (float and base64), the model list and one model, as raw HTTP.</summary>
public sealed class EmbeddingsAndModelsTests
{
    [Fact]
    public async Task Embeddings_Float_OneVectorPerInput_InOrder_WithUsageAndHeaders()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/embeddings", """{"model":"emulator/emu-embed","input":["alpha","beta gamma"]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Header(response, GatewayHeaders.Provider).ShouldBe("emulator");
        var json = Json(body);
        ((string?)json["object"]).ShouldBe("list");
        var data = json["data"]!.AsArray();
        data.Count.ShouldBe(2);
        for (var i = 0; i < 2; i++)
        {
            ((string?)data[i]!["object"]).ShouldBe("embedding");
            ((int?)data[i]!["index"]).ShouldBe(i);
            data[i]!["embedding"]!.AsArray().Count.ShouldBe(EmulatorDefaults.EmbeddingDimensions);
        }

        ((long?)json["usage"]!["prompt_tokens"]).ShouldBe(3);
        ((long?)json["usage"]!["total_tokens"]).ShouldBe(3);
    }

    [Fact]
    public async Task Embeddings_Base64_IsLittleEndianFloat32()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (_, floats) = await PostAsync(client, "v1/embeddings", """{"model":"emulator/emu-embed","input":"alpha"}""");
        var (_, base64) = await PostAsync(client, "v1/embeddings", """{"model":"emulator/emu-embed","input":"alpha","encoding_format":"base64"}""");

        var expected = Json(floats)["data"]![0]!["embedding"]!.AsArray().Select(v => (float)v!).ToArray();
        var bytes = Convert.FromBase64String((string)Json(base64)["data"]![0]!["embedding"]!);
        var decoded = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, decoded, 0, bytes.Length);
        decoded.ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"model":"m"}""", "input")]
    [InlineData("""{"input":[1,2,3]}""", "input")]
    [InlineData("""{"input":"x","encoding_format":"int8"}""", "encoding_format")]
    [InlineData("""{"input":"x","dimensions":0}""", "dimensions")]
    public async Task Embeddings_BadRequest_Is400NamingTheField(string json, string param)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/embeddings", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(body)["error"]!["param"]).ShouldBe(param);
    }

    [Fact]
    public async Task Models_GetOne_AndUnknownIs404()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        using var found = await client.GetAsync("v1/models/emulator/emu-cheap", Ct);
        using var missing = await client.GetAsync("v1/models/emulator/nope", Ct);

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var model = Json(await found.Content.ReadAsStringAsync(Ct));
        ((string?)model["id"]).ShouldBe("emulator/emu-cheap");
        ((string?)model["object"]).ShouldBe("model");
        ((string?)model["owned_by"]).ShouldNotBeNullOrEmpty();
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ((string?)Json(await missing.Content.ReadAsStringAsync(Ct))["error"]!["code"]).ShouldBe("model_not_found");
    }

    [Fact]
    public async Task Images_WithoutAnImageProvider_IsAnOpenAIError()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/images/generations", """{"prompt":"a cat"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented, body); // the emulator provider has no image client
        ((string?)Json(body)["error"]!["code"]).ShouldBe("not_implemented");
    }

    [Theory]
    [InlineData("""{"n":1}""", "prompt")]
    [InlineData("""{"prompt":"a","n":11}""", "n")]
    [InlineData("""{"prompt":"a","size":"big"}""", "size")]
    [InlineData("""{"prompt":"a","response_format":"gif"}""", "response_format")]
    public async Task Images_BadRequest_Is400NamingTheField(string json, string param)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/images/generations", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(body)["error"]!["param"]).ShouldBe(param);
    }

    [Fact]
    public async Task Images_CarryTheProviderAttemptsAndCostHeadersFromTheImageRouter()
    {
        await using var upstream = await EmulatorServer.StartAsync(cancellationToken: Ct);
        await using var host = await GatewayHost.StartAsync(providers: b => b.AddOpenAI(o =>
        {
            o.Endpoint = upstream.OpenAIEndpoint;
            o.ApiKey = "vendor-key-never-leaves-0002";
        }));
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/images/generations", """{"model":"openai/dall-e-2","prompt":"a cat","size":"256x256","n":2,"response_format":"b64_json"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var data = Json(body)["data"]!.AsArray();
        data.Count.ShouldBe(2);
        Convert.FromBase64String((string)data[0]!["b64_json"]!).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        Header(response, GatewayHeaders.CostUsd).ShouldBe("0.032"); // 2 x dall-e-2 256x256 at 0.016
        Header(response, GatewayHeaders.Provider).ShouldBe("openai");
        Header(response, GatewayHeaders.Attempts).ShouldBe("1");
        ((string?)Json(body)["assistant_providers"]!["provider"]).ShouldBe("openai");
        body.ShouldNotContain("vendor-key-never-leaves-0002");
    }
}
