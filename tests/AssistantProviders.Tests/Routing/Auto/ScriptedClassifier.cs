// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing.Auto;

/// <summary>A classifier that returns a fixed classification, or throws (<see cref="InvalidOperationException"/> when none is given).</summary>
internal sealed class ScriptedClassifier(RequestClassification? result) : IRequestClassifier
{
    public int Calls { get; private set; }

    public Exception? Throw { get; init; }

    public ValueTask<RequestClassification> ClassifyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        Calls++;
        if (Throw is not null)
        {
            throw Throw;
        }

        return result is null ? throw new InvalidOperationException("broken") : new(result);
    }
}
