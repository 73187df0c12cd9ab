// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class OpenAIImageWireTests
{
    [Fact]
    public async Task Generations_GptImage_ReturnsNValidPngs_AtTheRequestedSize_WithUsage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/images/generations", """{"model":"gpt-image-1","prompt":"three shapes","n":2,"size":"1536x1024","quality":"low"}""");

        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        foreach (var image in data)
        {
            var png = Convert.FromBase64String((string)image!["b64_json"]!);
            Assert.Equal((1536, 1024), DecodePng(png));
            Assert.Null(image["url"]);
        }

        Assert.Equal("png", (string?)json["output_format"]);
        Assert.Equal("1536x1024", (string?)json["size"]);
        var usage = json["usage"]!;
        Assert.Equal(2 * 408, (int)usage["output_tokens"]!); // 272 low-quality tokens at 1024x1024, scaled by area (x1.5)
        Assert.Equal((int)usage["input_tokens"]! + (int)usage["output_tokens"]!, (int)usage["total_tokens"]!);
    }

    [Fact]
    public async Task DallE_DefaultsToUrls_ThatTheEmulatorServes_WithoutAKey()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "secret" }, Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/images/generations", """{"model":"dall-e-3","prompt":"three shapes","size":"1024x1792"}""",
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = JsonNode.Parse(body)!["data"]![0]!;
        Assert.StartsWith("An emulated image of", (string?)image["revised_prompt"], StringComparison.Ordinal);
        var url = new Uri((string)image["url"]!);
        Assert.Equal(server.BaseAddress.Authority, url.Authority);
        Assert.Null(JsonNode.Parse(body)!["usage"]);

        using var anonymous = new HttpClient();
        var png = await anonymous.GetByteArrayAsync(url, Ct);
        Assert.Equal((1024, 1792), DecodePng(png));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "openai/v1/images/content/nonsense")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "openai/v1/images/generations", """{"prompt":"x"}""")).Response.StatusCode);
    }

    [Theory]
    [InlineData("""{"model":"dall-e-3","prompt":"x","n":2}""")]
    [InlineData("""{"model":"gpt-image-1","prompt":"x","n":11}""")]
    [InlineData("""{"model":"gpt-image-1","prompt":"x","response_format":"url"}""")]
    [InlineData("""{"model":"gpt-image-1","prompt":"x","size":"huge"}""")]
    [InlineData("""{"model":"gpt-image-1","prompt":"x","size":"9000x9000"}""")]
    [InlineData("""{"model":"gpt-image-1","prompt":" "}""")]
    public async Task InvalidRequests_Get400_InTheOpenAIErrorShape(string request)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/images/generations", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (string?)JsonNode.Parse(body)!["error"]!["type"]);
    }

    [Fact]
    public async Task Edits_TakeMultipart_AndCountTheInputImages()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "in.png");
        form.Add(new StringContent("add a moon"), "prompt");
        form.Add(new StringContent("gpt-image-1"), "model");
        form.Add(new StringContent("256x256"), "size");

        using var response = await client.PostAsync("openai/v1/images/edits", form, Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((256, 256), DecodePng(Convert.FromBase64String((string)json["data"]![0]!["b64_json"]!)));
        Assert.True((int)json["usage"]!["input_tokens_details"]!["image_tokens"]! > 0);

        using var noImage = new MultipartFormDataContent { { new StringContent("add a moon"), "prompt" } };
        using var refused = await client.PostAsync("openai/v1/images/edits", noImage, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    /// <summary>Checks the signature, every chunk's CRC and the pixel data's length; returns the IHDR size.</summary>
    private static (int Width, int Height) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var at = 8;
        var chunks = new List<string>();
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            Assert.Equal(Crc32(png.AsSpan(at + 4, 4 + length)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)));
            chunks.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(2, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks);
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        zlib.CopyTo(pixels);
        Assert.Equal(height * (1 + (width * 3)), pixels.Length);
        return (width, height);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
