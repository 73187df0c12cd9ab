// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization.Metadata;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads a cursor-paged model listing, written once (Anthropic <c>after_id</c>, Gemini <c>pageToken</c>, Cohere <c>page_token</c>):
/// GET <c>firstPath</c>, then <c>firstPath&amp;cursorParameter=cursor</c> while the page names a new cursor, up to <c>maxPages</c>.
/// </summary>
internal static class PagedModelList
{
    /// <param name="transport">The transport.</param>
    /// <param name="firstPath">The relative path of the first page, with its query (for example <c>models?pageSize=1000</c>).</param>
    /// <param name="cursorParameter">The query parameter that carries the cursor on later pages.</param>
    /// <param name="maxPages">The most pages to read.</param>
    /// <param name="typeInfo">The page's JSON type.</param>
    /// <param name="read">Turns a page (and its 1-based number) into descriptors.</param>
    /// <param name="nextCursor">The cursor of the next page, or null/empty on the last page.</param>
    /// <param name="configureRequest">Adds vendor headers to each page request.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<IReadOnlyList<ModelDescriptor>> ListAsync<TPage>(
        ProviderTransport transport,
        string firstPath,
        string cursorParameter,
        int maxPages,
        JsonTypeInfo<TPage> typeInfo,
        Func<TPage, int, IEnumerable<ModelDescriptor>> read,
        Func<TPage, string?> nextCursor,
        Action<HttpRequestMessage>? configureRequest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(nextCursor);
        var result = new List<ModelDescriptor>();
        string? cursor = null;
        for (var page = 1; page <= maxPages; page++)
        {
            var path = firstPath + (cursor is null ? string.Empty : "&" + cursorParameter + "=" + Uri.EscapeDataString(cursor));
            using var request = new HttpRequestMessage(HttpMethod.Get, transport.Resolve(path));
            configureRequest?.Invoke(request);
            var (wire, _) = await transport.SendForJsonAsync(request, typeInfo, null, cancellationToken).ConfigureAwait(false);
            result.AddRange(read(wire, page));
            var next = nextCursor(wire);
            if (string.IsNullOrEmpty(next) || next == cursor)
            {
                break;
            }

            cursor = next;
        }

        return result;
    }
}
