// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>The emulator's Weaviate wire answered directly (raw HTTP), for what the client checks before sending.</summary>
public sealed class WeaviateEmulatorWireTests(WeaviateTestServer emulator) : IClassFixture<WeaviateTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(emulator.Server.WeaviateEndpoint, path));
        request.Headers.Authorization = new("Bearer", WeaviateTestServer.Key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Query(string graphQL) => new JsonObject { ["query"] = graphQL }.ToJsonString();

    [Fact]
    public async Task Filters_on_unfilterable_or_unknown_properties_tenancy_and_vector_lengths_are_graphql_errors_with_http_200()
    {
        var name = WeaviateTestServer.NewName();
        var schema = $$$"""{"class":"{{{name}}}","vectorizer":"none","multiTenancyConfig":{"enabled":true},"properties":[{"name":"n","dataType":["int"],"indexFilterable":true},{"name":"notes","dataType":["text"],"indexFilterable":false}]}""";
        (await SendAsync(HttpMethod.Post, "v1/schema", schema)).Status.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, "v1/schema", schema)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await SendAsync(HttpMethod.Post, $"v1/schema/{name}/tenants", """[{"name":"t1"}]""")).Status.ShouldBe(HttpStatusCode.OK);
        var batch = await SendAsync(HttpMethod.Post, "v1/batch/objects", $$$"""{"objects":[{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000001","tenant":"t1","properties":{"n":2},"vector":[1,0]},{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000002","tenant":"t1","properties":{"n":10},"vector":[1,0,0]},{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000003","properties":{"n":1},"vector":[1,0]}]}""");
        batch.Body!.AsArray().Select(r => r!["result"]!["status"]!.GetValue<string>()).ShouldBe(["SUCCESS", "FAILED", "FAILED"]);
        batch.Body[1]!["result"]!["errors"]!["error"]![0]!["message"]!.GetValue<string>().ShouldContain("length 3");
        batch.Body[2]!["result"]!["errors"]!["error"]![0]!["message"]!.GetValue<string>().ShouldContain("without tenant");

        async Task<string> ErrorOf(string graphQL)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, "v1/graphql", Query(graphQL));
            status.ShouldBe(HttpStatusCode.OK);
            return body!["errors"]![0]!["message"]!.GetValue<string>();
        }

        (await ErrorOf($$$"""{ Get { {{{name}}}(tenant: "t1", where: {path: ["notes"], operator: Equal, valueText: "x"}) { n } } }""")).ShouldContain("indexFilterable");
        (await ErrorOf($$$"""{ Get { {{{name}}}(tenant: "t1", where: {path: ["nope"], operator: Equal, valueInt: 1}) { n } } }""")).ShouldContain("no such prop");
        (await ErrorOf($$$"""{ Get { {{{name}}} { n } } }""")).ShouldContain("without tenant");
        (await ErrorOf($$$"""{ Get { {{{name}}}(tenant: "t1", nearVector: {vector: [1, 0, 0]}) { n } } }""")).ShouldContain("3 vs 2");
        (await ErrorOf($$$"""{ Get { {{{name}}}(tenant: "t1") { missing } } }""")).ShouldContain("Cannot query field \"missing\"");
        (await ErrorOf("""{ Get { Nope { n } } }""")).ShouldContain("Cannot query field \"Nope\"");
        (await ErrorOf("""{ Get { X(where: {path: ["n"], operator: Equal, valueText: "unterminated) { n } } }""")).ShouldContain("Syntax Error");

        var ok = await SendAsync(HttpMethod.Post, "v1/graphql", Query($$$"""{ Get { {{{name}}}(tenant: "t1", where: {path: ["n"], operator: GreaterThan, valueInt: 1}) { n _additional { id } } } }"""));
        ok.Body!["errors"].ShouldBeNull();
        ok.Body["data"]!["Get"]![name]!.AsArray().ShouldHaveSingleItem()!["n"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Sort_orders_numbers_numerically()
    {
        var name = WeaviateTestServer.NewName();
        (await SendAsync(HttpMethod.Post, "v1/schema", $$$"""{"class":"{{{name}}}","properties":[{"name":"n","dataType":["int"]}]}""")).Status.ShouldBe(HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "v1/batch/objects", $$$"""{"objects":[{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000001","properties":{"n":9}},{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000002","properties":{"n":10}},{"class":"{{{name}}}","id":"00000000-0000-0000-0000-000000000003","properties":{"n":-1}}]}""");

        var (_, body) = await SendAsync(HttpMethod.Post, "v1/graphql", Query($$$"""{ Get { {{{name}}}(sort: [{path: ["n"], order: desc}]) { n } } }"""));

        body!["data"]!["Get"]![name]!.AsArray().Select(h => h!["n"]!.GetValue<int>()).ShouldBe([10, 9, -1]);
    }
}
