// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistantProviders.Perplexity;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.ConformanceTests.Providers.Perplexity;

public sealed partial class PerplexityRequestContractTests : RequestContractTests
{
    // Perplexity publishes no OpenAPI file: ../shared/specs/perplexity/NOTES.md (read off its Stainless-generated SDK) documents
    // POST /chat/completions as an "OpenAI-style request" plus the search extras under "## Request extras". Request bodies are
    // validated against the OpenAI chat-completions contract in ../shared/specs/openai/openapi.yaml, with exactly the top-level
    // extras NOTES.md lists allowed besides it (read in place, so a knob the notes do not name still fails as unknown).
    protected override string SpecFolder => "openai";

    protected override string SpecFile => "openapi.yaml";

    protected override string SpecPatchName => "perplexity-request-extras-from-notes";

    protected override void PatchSpec(JsonObject schema)
    {
        var extras = new JsonObject();
        foreach (var name in DocumentedExtras())
        {
            extras[name] = new JsonObject();
        }

        schema["properties"] = extras;
    }

    protected override IChatClient CreateChatClient(HttpClient http) =>
        new PerplexityChatClient(new PerplexityClientOptions { ApiKey = "pplx-contract-0123456789" }, http);

    [Fact]
    public async Task SearchExtras_RequestBody_MatchesTheSpecPlusTheDocumentedExtras()
    {
        var options = ChatOptions();
        options.AdditionalProperties = new()
        {
            [PerplexityPropertyNames.SearchRecencyFilter] = "week",
            [PerplexityPropertyNames.SearchDomainFilter] = new[] { "wikipedia.org", "-reddit.com" },
            [PerplexityPropertyNames.ReturnImages] = true,
            [PerplexityPropertyNames.ReturnRelatedQuestions] = false,
            [PerplexityPropertyNames.SearchMode] = "academic",
            [PerplexityPropertyNames.DisableSearch] = false,
        };

        var request = await CaptureChatAsync(client => client.GetResponseAsync(Conversation(), options));

        var body = JsonNode.Parse(request.Body!)!.AsObject();
        body.Select(p => p.Key).ShouldContain(PerplexityPropertyNames.SearchMode, "the extras must reach the wire");
        Validator().AssertValid(request);
    }

    [Fact]
    public void DocumentedExtras_AreReadFromTheNotes_AndCoverEveryVendorKnob()
    {
        var extras = DocumentedExtras();

        extras.ShouldContain("web_search_options");
        string[] knobs =
        [
            PerplexityPropertyNames.SearchRecencyFilter, PerplexityPropertyNames.SearchDomainFilter, PerplexityPropertyNames.ReturnImages,
            PerplexityPropertyNames.ReturnRelatedQuestions, PerplexityPropertyNames.SearchMode, PerplexityPropertyNames.DisableSearch,
        ];
        knobs.ShouldAllBe(k => extras.Contains(k), "every PerplexityPropertyNames knob is a request field Perplexity documents");
        extras.ShouldNotContain("definitely_not_a_vendor_field");
    }

    /// <summary>The top-level request fields listed under <c>## Request extras</c> in NOTES.md (each a backticked <c>name</c>, <c>name[]</c> or <c>name{...}</c>).</summary>
    private static List<string> DocumentedExtras()
    {
        var notes = File.ReadAllText(RepoPaths.Spec("perplexity", "NOTES.md"));
        var start = notes.IndexOf("## Request extras", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "NOTES.md has a '## Request extras' section");
        var end = notes.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = notes[start..(end < 0 ? notes.Length : end)];
        return [.. Backticked().Matches(section).Select(m => m.Groups["span"].Value).Select(s => FieldName().Match(s)).Where(m => m.Success).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("`(?<span>[^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^(?<name>[a-z][a-z_]*)(\[\]|\{.*\})?$", RegexOptions.Singleline)]
    private static partial Regex FieldName();
}
