// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>One request as the hostile server read it off the socket: request line, raw head and body.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Head">The raw head (request line and headers).</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record ReceivedRequest(string Method, string Target, string Head, string Body);
