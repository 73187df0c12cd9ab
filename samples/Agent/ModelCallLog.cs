// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders;
using Microsoft.Extensions.AI;

namespace AgentSample;

/// <summary>
/// Sits between the agent (and its function-invocation loop) and the router: prints each model call with the provider that
/// served it, how much of the conversation went with it, the tools it asked for and its cost.
/// </summary>
internal sealed class ModelCallLog(IChatClient router) : DelegatingChatClient(router)
{
    private readonly List<int> _userMessages = [];

    /// <summary>Gets how many model calls went through.</summary>
    public int Calls => _userMessages.Count;

    /// <summary>The most user messages any call since call number <paramref name="first"/> carried (0 when none).</summary>
    public int MaxUserMessagesSince(int first) => _userMessages.Skip(first).DefaultIfEmpty(0).Max();

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var response = await base.GetResponseAsync(sent, options, cancellationToken);
        var provider = response.AdditionalProperties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p : "?";
        var users = sent.Count(m => m.Role == ChatRole.User);
        _userMessages.Add(users);
        var asks = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    model call: {provider}/{response.ModelId}, {sent.Count} messages in ({users} from the user), {(asks.Count > 0 ? "asks for " + string.Join(", ", asks) : "answers")}, cost {response.GetCost()?.ToString() ?? "n/a"}"));
        return response;
    }
}
