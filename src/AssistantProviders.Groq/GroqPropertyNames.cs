// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Groq;

/// <summary>
/// Keys under which Groq's extras appear in <c>AdditionalProperties</c> of <c>ChatResponse</c> and <c>ChatResponseUpdate</c>.
/// Timings are <see cref="TimeSpan"/> values taken from Groq's <c>usage</c> / <c>x_groq.usage</c>.
/// </summary>
public static class GroqPropertyNames
{
    /// <summary>Time the request waited in Groq's queue (<c>queue_time</c>), a <see cref="TimeSpan"/>.</summary>
    public const string QueueTime = "groq.queue_time";

    /// <summary>Time spent processing the prompt (<c>prompt_time</c>), a <see cref="TimeSpan"/>.</summary>
    public const string PromptTime = "groq.prompt_time";

    /// <summary>Time spent generating the completion (<c>completion_time</c>), a <see cref="TimeSpan"/>.</summary>
    public const string CompletionTime = "groq.completion_time";

    /// <summary>Total processing time (<c>total_time</c>), a <see cref="TimeSpan"/>.</summary>
    public const string TotalTime = "groq.total_time";

    /// <summary>Groq's own request id (<c>x_groq.id</c>, for support tickets), a <see cref="string"/>.</summary>
    public const string RequestId = "groq.request_id";
}
