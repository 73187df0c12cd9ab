// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator;

/// <summary>
/// A scripted fault. It applies to every request that matches <see cref="Vendor"/>, <see cref="PathContains"/> and <see cref="Model"/>
/// (each <see langword="null"/> = any), at most <see cref="Count"/> times (<see langword="null"/> = always).
/// Faults are checked in the order they were added; the first that matches and still has uses left wins.
/// </summary>
/// <example>
/// <code>
/// server.Faults.Add(new EmulatorFault { Vendor = "groq", Kind = FaultKind.Status429, RetryAfter = "2", Count = 3 });
/// </code>
/// </example>
public sealed class EmulatorFault
{
    private int _applied;

    /// <summary>Gets the vendor id (the first path segment, for example <c>groq</c>, <c>anthropic</c>) the fault applies to; <see langword="null"/> = every vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Gets a substring of the request path (for example <c>chat/completions</c> or <c>embed</c>) the fault applies to; <see langword="null"/> = every route.</summary>
    public string? PathContains { get; init; }

    /// <summary>Gets the request model the fault applies to; <see langword="null"/> = every model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets what the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>Gets how many times the fault applies; <see langword="null"/> = every matching request.</summary>
    public int? Count { get; init; }

    /// <summary>Gets the <c>Retry-After</c> header value sent with a 429/503/529 (for example <c>2</c> or an HTTP date); <see langword="null"/> = no header.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Gets the <c>retry-after-ms</c> header value sent with a 429/503/529; <see langword="null"/> = no header.</summary>
    public string? RetryAfterMs { get; init; }

    /// <summary>Gets the number of stream chunks sent before <see cref="FaultKind.CutStreamAfterChunks"/> or <see cref="FaultKind.StallAfterChunks"/> takes effect.</summary>
    public int Chunks { get; init; }

    /// <summary>Gets how long <see cref="FaultKind.StallAfterChunks"/> stalls; <see cref="Timeout.InfiniteTimeSpan"/> (the default) stalls until the request is aborted or the server stops.</summary>
    public TimeSpan StallDuration { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Gets the minimum body size for <see cref="FaultKind.OversizeBody"/>.</summary>
    public int Bytes { get; init; }

    /// <summary>Gets the WebSocket close code of <see cref="FaultKind.SocketCloseWithError"/> (1011, a server error, by default; vendors use 4000-4999).</summary>
    public int CloseCode { get; init; } = 1011;

    /// <summary>Gets the error message sent with status faults; <see langword="null"/> = a vendor-like default.</summary>
    public string? Message { get; init; }

    /// <summary>Gets how many times the fault has been applied so far.</summary>
    public int Applied => Volatile.Read(ref _applied);

    /// <summary>Creates a 429 fault.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> header value.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault RateLimited(string? vendor, string? retryAfter = "1", int? count = 1) =>
        new() { Vendor = vendor, Kind = FaultKind.Status429, RetryAfter = retryAfter, Count = count };

    /// <summary>Creates a fault that cuts the stream after <paramref name="chunks"/> chunks.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="chunks">The chunks sent before the connection is aborted.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault CutStreamAfterChunks(string? vendor, int chunks, int? count = 1) =>
        new() { Vendor = vendor, Kind = FaultKind.CutStreamAfterChunks, Chunks = chunks, Count = count };

    /// <summary>Creates a fault that stalls the stream after <paramref name="chunks"/> chunks.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="chunks">The chunks sent before the stall.</param>
    /// <param name="stall">How long to stall; <see langword="null"/> = until the request is aborted.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault StallAfterChunks(string? vendor, int chunks, TimeSpan? stall = null, int? count = 1) =>
        new() { Vendor = vendor, Kind = FaultKind.StallAfterChunks, Chunks = chunks, StallDuration = stall ?? Timeout.InfiniteTimeSpan, Count = count };

    /// <summary>Creates a fault that pads the answer to at least <paramref name="bytes"/> bytes.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="bytes">The minimum body size.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault OversizeBody(string? vendor, int bytes, int? count = 1) =>
        new() { Vendor = vendor, Kind = FaultKind.OversizeBody, Bytes = bytes, Count = count };

    /// <summary>Creates a live-socket fault: after <paramref name="messages"/> messages the socket drops, closes with an error, or stalls.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="kind"><see cref="FaultKind.SocketDropAfterMessages"/>, <see cref="FaultKind.SocketCloseWithError"/> or <see cref="FaultKind.SocketStall"/>.</param>
    /// <param name="messages">The messages the server sends before the fault.</param>
    /// <param name="closeCode">The close code for <see cref="FaultKind.SocketCloseWithError"/>.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Socket(string? vendor, FaultKind kind, int messages, int closeCode = 1011, int? count = 1) =>
        kind is FaultKind.SocketDropAfterMessages or FaultKind.SocketCloseWithError or FaultKind.SocketStall
            ? new() { Vendor = vendor, Kind = kind, Chunks = messages, CloseCode = closeCode, Count = count }
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a socket fault.");

    /// <summary>Creates a fault of <paramref name="kind"/>.</summary>
    /// <param name="vendor">The vendor id, or <see langword="null"/> for all.</param>
    /// <param name="kind">What the fault does.</param>
    /// <param name="count">How many times; <see langword="null"/> = always.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Create(string? vendor, FaultKind kind, int? count = 1) =>
        new() { Vendor = vendor, Kind = kind, Count = count };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} (vendor={Vendor ?? "*"}, path={PathContains ?? "*"}, model={Model ?? "*"}, applied={Applied}/{(Count is { } c ? c : "∞")})";

    internal bool Matches(string vendor, string path, string? model) =>
        (Vendor is null || string.Equals(Vendor, vendor, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase))
        && (Model is null || string.Equals(Model, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>Atomically takes one use of the fault; false when it is used up.</summary>
    internal bool TryConsume()
    {
        while (true)
        {
            var applied = Volatile.Read(ref _applied);
            if (Count is { } limit && applied >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _applied, applied + 1, applied) == applied)
            {
                return true;
            }
        }
    }
}
