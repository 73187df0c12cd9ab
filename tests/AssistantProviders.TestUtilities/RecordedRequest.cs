// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.TestUtilities;

/// <summary>A request seen by <see cref="VerbatimHttpHandler"/>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full URI.</param>
/// <param name="Headers">The request headers (not content headers).</param>
/// <param name="Body">The body text, if any.</param>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
