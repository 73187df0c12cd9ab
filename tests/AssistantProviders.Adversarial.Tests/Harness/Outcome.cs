// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>What one chat call gave the caller: the error (if any), the text received and the streamed updates.</summary>
/// <param name="Error">The exception the call ended with, or <see langword="null"/>.</param>
/// <param name="Text">The text received (the whole answer, or what was streamed before the error).</param>
/// <param name="Updates">The streamed updates (empty for a non-streaming call).</param>
/// <param name="Response">The response of a non-streaming call that succeeded.</param>
public sealed record Outcome(Exception? Error, string Text, IReadOnlyList<ChatResponseUpdate> Updates, ChatResponse? Response)
{
    /// <summary>Calls <paramref name="client"/> once, streamed or not, and records what came back.</summary>
    public static async Task<Outcome> OfAsync(IChatClient client, bool streaming, ChatOptions? options = null, string prompt = "hi", CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        try
        {
            if (streaming)
            {
                await foreach (var update in client.GetStreamingResponseAsync(prompt, options, cancellationToken))
                {
                    updates.Add(update);
                }

                return new Outcome(null, string.Concat(updates.Select(u => u.Text)), updates, null);
            }

            var response = await client.GetResponseAsync(prompt, options, cancellationToken);
            return new Outcome(null, response.Text, updates, response);
        }
        catch (Exception ex)
        {
            return new Outcome(ex, string.Concat(updates.Select(u => u.Text)), updates, null);
        }
    }

    /// <summary>Asserts the call failed with a typed error of the family (never a raw runtime exception) and returns it.</summary>
    public T ShouldFailWith<T>()
        where T : Exception
    {
        Error.ShouldNotBeNull("the call must fail");
        if (Error is not T typed)
        {
            throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {Error.GetType().FullName}: {Error}");
        }

        return typed;
    }

    /// <summary>Asserts the call succeeded.</summary>
    public Outcome ShouldSucceed()
    {
        if (Error is not null)
        {
            throw new Xunit.Sdk.XunitException("Expected success, got " + Error);
        }

        return this;
    }
}
