// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.IntegrationTests;

/// <summary>How to reach one provider live.</summary>
/// <param name="Id">The provider id.</param>
/// <param name="KeyVariable">The API key environment variable; <see langword="null"/> for local providers.</param>
/// <param name="BaseUrlVariable">The variable that overrides the endpoint.</param>
/// <param name="DefaultLocalEndpoint">For local providers, where to probe when the variable is unset.</param>
/// <param name="CreateChatClient">Creates the chat client from the key (or null) and the endpoint (or null for the default).</param>
internal sealed record LiveProvider(
    string Id,
    string? KeyVariable,
    string BaseUrlVariable,
    Uri? DefaultLocalEndpoint,
    Func<string?, Uri?, IChatClient> CreateChatClient)
{
    public bool IsLocal => KeyVariable is null;

    public override string ToString() => Id;
}
