// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using Microsoft.Extensions.DependencyInjection;

namespace QuickStart;

/// <summary>Adds the real providers that are usable here: those with a key in the environment or .env, and local servers that answer.</summary>
internal static class LiveProviders
{
    public static async Task<bool> TryAddAsync(IAssistantProvidersBuilder builder, CancellationToken cancellationToken)
    {
        var added = false;
        if (builder.GetEnvironmentValue("GROQ_API_KEY") is not null)
        {
            builder.AddGroq();
            added = true;
        }

        if (builder.GetEnvironmentValue("OPENAI_API_KEY") is not null)
        {
            builder.AddOpenAI();
            added = true;
        }

        if (await AnswersAsync(builder.GetEnvironmentValue("OLLAMA_HOST") is { } host ? Normalize(host) + "api/tags" : "http://127.0.0.1:11434/api/tags", cancellationToken))
        {
            builder.AddOllama();
            added = true;
        }

        if (await AnswersAsync((builder.GetEnvironmentValue("LMSTUDIO_BASE_URL") ?? "http://127.0.0.1:1234/v1").TrimEnd('/') + "/models", cancellationToken))
        {
            builder.AddLMStudio();
            added = true;
        }

        if (added)
        {
            Console.WriteLine("Using the real providers found (keys in the environment / .env, or local servers).");
        }

        return added;
    }

    private static string Normalize(string host) =>
        (host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host).TrimEnd('/') + "/";

    private static async Task<bool> AnswersAsync(string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return false;
        }
    }
}
