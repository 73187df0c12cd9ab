// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator;

/// <summary>One request the emulator received. Header values are never kept, only their names; <see cref="Query"/> has <c>key=</c> values redacted.</summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(long sequence, string method, string path, string query, string vendor, IReadOnlyList<string> headerNames, bool hadAuthorization, string body)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Query = query;
        Vendor = vendor;
        HeaderNames = headerNames;
        HadAuthorization = hadAuthorization;
        Body = body;
    }

    /// <summary>Gets the 1-based arrival number of the request.</summary>
    public long Sequence { get; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the request path (for example <c>/groq/openai/v1/chat/completions</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the query string (with <c>key=</c> values replaced by <c>REDACTED</c>), or empty.</summary>
    public string Query { get; }

    /// <summary>Gets the vendor id: the first path segment.</summary>
    public string Vendor { get; }

    /// <summary>Gets the names of the request headers (never their values).</summary>
    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>Gets a value indicating whether the request carried credentials (<c>Authorization</c>, <c>x-api-key</c>, <c>x-goog-api-key</c>, <c>api-key</c> or <c>?key=</c>).</summary>
    public bool HadAuthorization { get; }

    /// <summary>Gets the request body as UTF-8 text (truncated to <see cref="EmulatorOptions.MaxLoggedBodyBytes"/>).</summary>
    public string Body { get; }

    /// <summary>Gets the fault applied to the request, if any.</summary>
    public FaultKind? Fault { get; internal set; }

    /// <summary>Gets the HTTP status the emulator answered with (0 while the answer is being written).</summary>
    public int StatusCode { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} -> {StatusCode}{(Fault is { } f ? $" ({f})" : string.Empty)}";
}
