// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>The gRPC status name (Google's <c>google.rpc.Code</c>) that Gemini and Pinecone put in their error bodies for an error kind.</summary>
internal static class GrpcStatusName
{
    public static string Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => "UNAUTHENTICATED",
        ErrorKind.NotFound => "NOT_FOUND",
        ErrorKind.RateLimited => "RESOURCE_EXHAUSTED",
        ErrorKind.Server => "INTERNAL",
        ErrorKind.Unavailable or ErrorKind.Overloaded => "UNAVAILABLE",
        _ => "INVALID_ARGUMENT",
    };
}
