// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.Http.Headers;

namespace AssistantProviders.Shared;

/// <summary>How a vendor wants its key: applied to each request right before it is sent (per try).</summary>
internal static class ProviderAuth
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public static readonly Action<HttpRequestMessage, string> Bearer =
        static (request, key) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

    /// <summary>A custom header such as <c>x-api-key</c> or <c>x-goog-api-key</c>.</summary>
    public static Action<HttpRequestMessage, string> Header(string name) =>
        (request, key) =>
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, key);
        };
}
