// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;

namespace AssistantProviders.Emulator.Internal;

/// <summary>The run-time state shared by the wire formats: answers, models and sizes.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        DefaultAnswer = options.DefaultAnswer;
        EmbeddingDimensions = options.EmbeddingDimensions;
        LexicalEmbeddings = options.LexicalEmbeddings;
        Answers = new ConcurrentDictionary<string, string>(options.Answers, StringComparer.OrdinalIgnoreCase);
        foreach (var (vendor, models) in options.Models)
        {
            Models[vendor] = [.. models];
        }
    }

    public string DefaultAnswer { get; }

    public int EmbeddingDimensions { get; }

    /// <summary>Gets a value indicating whether embeddings are bag-of-words vectors (<see cref="EmulatorOptions.LexicalEmbeddings"/>).</summary>
    public bool LexicalEmbeddings { get; }

    /// <summary>The embedding of <paramref name="text"/>: lexical or hashed, as the options say.</summary>
    public float[] Embedding(string text, int dimensions) =>
        LexicalEmbeddings ? Deterministic.LexicalEmbedding(text, dimensions) : Deterministic.Embedding(text, dimensions);

    public ConcurrentDictionary<string, string> Answers { get; }

    public ConcurrentDictionary<string, string[]> Models { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> ModelsOf(string vendor) =>
        Models.TryGetValue(vendor, out var models) ? models : EmulatorDefaults.Models;

    public string AnswerFor(string vendor) => Answers.TryGetValue(vendor, out var answer) ? answer : DefaultAnswer;
}
