// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests;

/// <summary>The validator itself, on small specs written here (runs in every clone): it must pass valid bodies and fail wrong ones.</summary>
public sealed class OpenApiRequestValidatorTests
{
    private const string OpenApi30 = """
        openapi: 3.0.1
        info: {title: t, version: '1'}
        paths:
          /v1/things/{id}:
            post:
              requestBody:
                $ref: '#/components/requestBodies/ThingBody'
        components:
          requestBodies:
            ThingBody:
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Thing'
          schemas:
            Thing:
              type: object
              required: [name, pet]
              x-internal: true
              properties:
                name: {type: string, example: bob}
                nullable: {type: boolean}
                note: {type: string, nullable: true}
                mode: {type: string, enum: [a, b], nullable: true}
                count: {type: integer, minimum: 0, exclusiveMinimum: true}
                pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Tiger'
                  discriminator: {propertyName: type}
            Cat:
              type: object
              required: [type]
              properties: {type: {type: string}, lives: {type: integer}}
            Tiger:
              type: object
              required: [type]
              properties: {type: {type: string}, stripes: {type: integer}}
            Unreached:
              type: object
              properties: {broken: {$ref: '#/components/schemas/DoesNotExist'}}
        """;

    private const string Discovery = """
        {
          "discoveryVersion": "v1",
          "schemas": {
            "Req": {"id": "Req", "type": "object", "properties": {
              "maxOutputTokens": {"type": "integer", "format": "int32"},
              "seed": {"type": "string", "format": "int64"},
              "parts": {"type": "array", "items": {"$ref": "Part"}}}},
            "Part": {"id": "Part", "type": "object", "properties": {"text": {"type": "string"}}}
          },
          "resources": {"models": {"methods": {"gen": {
            "id": "x.models.gen", "httpMethod": "POST", "flatPath": "v1beta/models/{modelsId}:gen", "request": {"$ref": "Req"}}}}}
        }
        """;

    [Fact]
    public void OpenApi30_ValidBody_ThroughAProxyPrefix_Passes()
    {
        var validator = OpenApiRequestValidator.Parse(OpenApi30);

        validator.Validate("/proxy/v1/things/42", "POST", """{"name":"x","nullable":true,"note":null,"mode":null,"count":1,"pet":{"type":"cat","lives":9}}""").ShouldBeEmpty();
        validator.AssertValid("/v1/things/7", "post", """{"name":"x","pet":{"type":"tiger"}}""");
    }

    [Theory]
    [InlineData("""{"pet":{"type":"cat"}}""", "required")]
    [InlineData("""{"name":null,"pet":{"type":"cat"}}""", "type")]
    [InlineData("""{"name":"x","count":0,"pet":{"type":"cat"}}""", "exclusiveMinimum")]
    [InlineData("""{"name":"x","mode":"c","pet":{"type":"cat"}}""", "enum")]
    [InlineData("""{"name":"x","pet":{"lives":9}}""", "required")]
    [InlineData("""{"name":"x","nam":"typo","pet":{"type":"cat"}}""", "unevaluatedProperties")]
    [InlineData("""{"name":"x","pet":"cat"}""", "type")]
    public void OpenApi30_WrongBody_Fails_NamingTheKeyword(string body, string keyword)
    {
        var validator = OpenApiRequestValidator.Parse(OpenApi30);

        var errors = validator.Validate("/v1/things/1", "POST", body);

        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.Contains(keyword, StringComparison.Ordinal), string.Join("\n", errors));
        Should.Throw<Exception>(() => validator.AssertValid("/v1/things/1", "POST", body));
    }

    [Fact]
    public void UnknownProperties_CanBeAllowed()
    {
        var validator = OpenApiRequestValidator.Parse(OpenApi30);
        validator.RejectUnknownProperties = false;

        validator.Validate("/v1/things/1", "POST", """{"name":"x","extra":1,"pet":{"type":"cat"}}""").ShouldBeEmpty();
    }

    [Fact]
    public void TranslatedSchema_KeepsPropertyNamesThatLookLikeKeywords_AndDropsExtensions()
    {
        var document = OpenApiRequestValidator.Parse(OpenApi30).GetRequestSchemaDocument("/v1/things/1", "POST");
        var thing = document["$defs"]!["Thing"]!;

        thing["properties"]!["nullable"].ShouldNotBeNull();
        thing["x-internal"].ShouldBeNull();
        thing["properties"]!["pet"]!["anyOf"].ShouldNotBeNull("a discriminated oneOf becomes anyOf");
        document["$defs"]!["Unreached"].ShouldBeNull("only schemas the operation reaches are kept");
    }

    [Fact]
    public void UnknownOperation_Throws()
    {
        var validator = OpenApiRequestValidator.Parse(OpenApi30);

        Should.Throw<InvalidDataException>(() => validator.Validate("/v1/other", "POST", "{}"));
        Should.Throw<InvalidDataException>(() => validator.Validate("/v1/things/1", "DELETE", "{}"));
    }

    [Fact]
    public void Discovery_ValidatesRequestByFlatPath_AcceptingSnakeCaseAndInt64Strings()
    {
        var validator = OpenApiRequestValidator.Parse(Discovery);

        validator.Validate("/gemini/v1beta/models/m-1:gen", "POST", """{"maxOutputTokens":5,"seed":"12","parts":[{"text":"hi"}]}""").ShouldBeEmpty();
        validator.Validate("/v1beta/models/m-1:gen", "POST", """{"max_output_tokens":5,"seed":12}""").ShouldBeEmpty();
        validator.Validate("/v1beta/models/m-1:gen", "POST", """{"maxOutputTokens":"five"}""").ShouldNotBeEmpty();
        validator.Validate("/v1beta/models/m-1:gen", "POST", """{"parts":[{"txt":"typo"}]}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void JsonSchemaFile_IsTheRequestSchema_WithDefinitionsAndNullable()
    {
        var validator = OpenApiRequestValidator.Parse("""
            {"$schema": "http://json-schema.org/draft-06/schema#", "$id": "/x/input.json", "type": "object", "required": ["inputs"],
             "properties": {"inputs": {"$ref": "#/definitions/In"}, "top_k": {"type": "integer", "nullable": true}},
             "definitions": {"In": {"type": "string"}}}
            """);

        validator.Validate("/any/path", "POST", """{"inputs":"a","top_k":null}""").ShouldBeEmpty();
        validator.Validate("/any/path", "POST", """{"inputs":1}""").ShouldNotBeEmpty();
        validator.Validate("/any/path", "POST", """{}""").ShouldNotBeEmpty();
    }
}
