// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal;

/// <summary>The kinds of error a wire format renders in its vendor's shape.</summary>
internal enum ErrorKind
{
    InvalidRequest,
    Unauthorized,
    NotFound,
    RateLimited,
    Server,
    Unavailable,
    Overloaded,
    ContextLength,
    ContentFilter,
}
