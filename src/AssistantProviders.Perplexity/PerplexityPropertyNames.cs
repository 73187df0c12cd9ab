// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Perplexity;

/// <summary>
/// Keys of Perplexity-only request knobs, read from <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> and sent
/// as the request field of the same name. Values: strings, booleans or string lists, as noted.
/// </summary>
public static class PerplexityPropertyNames
{
    /// <summary><c>search_recency_filter</c>: <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    public const string SearchRecencyFilter = "search_recency_filter";

    /// <summary><c>search_domain_filter</c>: a list of domains to search (prefix one with <c>-</c> to exclude it).</summary>
    public const string SearchDomainFilter = "search_domain_filter";

    /// <summary><c>return_images</c>: a boolean; images come back in the response's <c>images</c> additional property.</summary>
    public const string ReturnImages = "return_images";

    /// <summary><c>return_related_questions</c>: a boolean; questions come back in the <c>related_questions</c> additional property.</summary>
    public const string ReturnRelatedQuestions = "return_related_questions";

    /// <summary><c>search_mode</c>: <c>web</c>, <c>academic</c> or <c>sec</c>.</summary>
    public const string SearchMode = "search_mode";

    /// <summary><c>disable_search</c>: a boolean; answers from the model alone (no search request is billed).</summary>
    public const string DisableSearch = "disable_search";
}
