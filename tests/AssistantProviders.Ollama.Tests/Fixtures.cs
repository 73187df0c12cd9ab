// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Ollama.Tests;

internal static class Fixtures
{
    public const string Provider = "ollama";

    public static string Read(string file) => RepoPaths.ReadFixture(Provider, file);

    public static byte[] Bytes(string file) => Encoding.UTF8.GetBytes(Read(file));

    public static OllamaChatClient Chat(VerbatimHttpHandler handler, Action<OllamaClientOptions>? configure = null)
    {
        var options = new OllamaClientOptions();
        configure?.Invoke(options);
        return new OllamaChatClient(options, new HttpClient(handler));
    }

    public static OllamaEmbeddingGenerator Embeddings(VerbatimHttpHandler handler, Action<OllamaClientOptions>? configure = null)
    {
        var options = new OllamaClientOptions();
        configure?.Invoke(options);
        return new OllamaEmbeddingGenerator(options, new HttpClient(handler));
    }
}
