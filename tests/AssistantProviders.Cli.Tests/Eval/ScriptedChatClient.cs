// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cli.Tests.Eval;

/// <summary>A chat client that answers from a function of the requested model id (streamed in two updates, the last with a cost), or throws.</summary>
internal sealed class ScriptedChatClient(Func<string?, string> answer) : IChatClient
{
    public List<string?> Models { get; } = [];

    public List<string> Prompts { get; } = [];

    public Dictionary<string, decimal> Costs { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Models.Add(options?.ModelId);
        Prompts.Add(string.Join("\n", messages.Select(m => m.Text)));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(options?.ModelId))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Models.Add(options?.ModelId);
        var text = answer(options?.ModelId); // May throw: the runner records the error.
        await Task.Yield();
        var half = text.Length / 2;
        yield return new ChatResponseUpdate(ChatRole.Assistant, text[..half]);
        var last = new ChatResponseUpdate(ChatRole.Assistant, text[half..]);
        if (options?.ModelId is { } model && Costs.TryGetValue(model, out var cost))
        {
            last.AdditionalProperties = new() { [AssistantProviderProperties.Cost] = new CostDetails { Total = cost, Confidence = CostConfidence.Exact } };
        }

        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
