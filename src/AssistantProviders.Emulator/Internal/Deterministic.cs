// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Hashes, ids, word splitting and embeddings that depend only on their input, so the same request always gets the same answer.</summary>
internal static class Deterministic
{
    /// <summary>The fixed <c>created</c> Unix time of every answer (2025-01-01T00:00:00Z).</summary>
    public const long CreatedUnix = 1_735_689_600;

    /// <summary>The fixed ISO-8601 time of every answer.</summary>
    public const string CreatedIso = "2025-01-01T00:00:00Z";

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>Common words <see cref="Terms"/> leaves out (as stemmed), including the words of a RAG prompt's own framing.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "after", "all", "also", "and", "answer", "any", "are", "been", "but", "can", "cite", "could", "did", "doe", "does",
        "each", "for", "from", "had", "has", "have", "her", "his", "how", "into", "its", "may", "more", "most", "not", "one", "only",
        "other", "our", "out", "question", "should", "some", "source", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "thi", "this", "use", "using", "via", "was", "were", "what", "when", "where", "which", "while", "who", "why",
        "will", "with", "would", "you", "your",
    };

    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = FnvOffset)
    {
        var hash = seed;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }

    public static ulong Hash(string text, ulong seed = FnvOffset) => Hash(Encoding.UTF8.GetBytes(text), seed);

    /// <summary>A lower-case hex id of <paramref name="length"/> characters derived from <paramref name="hash"/>.</summary>
    public static string Id(string prefix, ulong hash, int length = 24)
    {
        var sb = new StringBuilder(prefix, prefix.Length + length);
        var h = hash;
        while (sb.Length < prefix.Length + length)
        {
            sb.Append(h.ToString("x16", CultureInfo.InvariantCulture));
            h = (h * FnvPrime) ^ 0x9E3779B97F4A7C15;
        }

        sb.Length = prefix.Length + length;
        return sb.ToString();
    }

    /// <summary>A UUID-shaped id derived from <paramref name="hash"/> (Cohere style).</summary>
    public static string Uuid(ulong hash)
    {
        var hex = Id(string.Empty, hash, 32);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>Splits text into stream chunks of one word each; every chunk but the first keeps its leading whitespace.</summary>
    public static List<string> SplitWords(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])))
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        if (chunks.Count == 0)
        {
            chunks.Add(text);
        }

        return chunks;
    }

    /// <summary>Counts tokens as whitespace-separated words.</summary>
    public static int CountTokens(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Splits a JSON text into two pieces for incremental argument deltas.</summary>
    public static string[] SplitArguments(string json)
    {
        var cut = json.IndexOf(':', StringComparison.Ordinal);
        return cut <= 0 || cut >= json.Length - 1 ? [json] : [json[..(cut + 1)], json[(cut + 1)..]];
    }

    /// <summary>A unit-length vector of <paramref name="dimensions"/> floats derived from the text.</summary>
    public static float[] Embedding(string text, int dimensions)
    {
        var vector = new float[Math.Max(1, dimensions)];
        var seed = Hash(text);
        double norm = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var h = Hash(BitConverter.GetBytes(i), seed);
            var value = (float)((h >> 11) / (double)(1UL << 53) * 2.0 - 1.0);
            vector[i] = value;
            norm += value * value;
        }

        var scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 1f;
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = MathF.Round(vector[i] * scale, 6);
        }

        return vector;
    }

    /// <summary>
    /// A unit-length bag-of-words vector (<see cref="EmulatorOptions.LexicalEmbeddings"/>): each distinct term of the text
    /// (<see cref="Terms"/>) adds ±1 to the dimension its hash picks, so texts that share terms have a higher cosine similarity.
    /// A text without terms gets <see cref="Embedding"/>.
    /// </summary>
    public static float[] LexicalEmbedding(string text, int dimensions)
    {
        var vector = new float[Math.Max(1, dimensions)];
        var any = false;
        foreach (var term in Terms(text))
        {
            var h = Hash(term);
            vector[(int)(h % (ulong)vector.Length)] += (h >> 63) == 0 ? 1f : -1f;
            any = true;
        }

        double norm = 0;
        foreach (var value in vector)
        {
            norm += value * value;
        }

        if (!any || norm == 0)
        {
            return Embedding(text, dimensions);
        }

        var scale = (float)(1.0 / Math.Sqrt(norm));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = MathF.Round(vector[i] * scale, 6);
        }

        return vector;
    }

    /// <summary>
    /// The distinct terms of a text, as the lexical embeddings and grounded answers compare them: its words (letters and digits),
    /// lower-cased, plurals folded (a trailing <c>s</c> dropped from words of four letters or more), without words under three
    /// letters and common words (<see cref="StopWords"/>).
    /// </summary>
    public static HashSet<string> Terms(string text) =>
        Words(text)
            .Select(w => Stem(w.ToLowerInvariant()))
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Drops a trailing <c>s</c> from words of four letters or more, so plurals match (<c>providers</c> → <c>provider</c>).</summary>
    public static string Stem(string word) =>
        word.Length >= 4 && word[^1] == 's' && word[^2] != 's' ? word[..^1] : word;

    /// <summary>Little-endian float32 bytes of the vector, base64-encoded (OpenAI <c>encoding_format: base64</c>).</summary>
    public static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * 4];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vector[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>The share of query words that appear in the document, with a tiny deterministic tie-breaker.</summary>
    public static double Relevance(string query, string document)
    {
        var queryWords = Words(query);
        if (queryWords.Count == 0)
        {
            return 0;
        }

        var documentWords = Words(document);
        var overlap = queryWords.Count(documentWords.Contains);
        var score = (double)overlap / queryWords.Count;
        var jitter = (Hash(document) % 1000) / 1_000_000.0;
        return Math.Round(Math.Min(1.0, score * 0.99 + jitter), 8);
    }

    /// <summary>The distinct words (letters and digits) of a text, case-insensitive.</summary>
    public static HashSet<string> Words(string text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                set.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            set.Add(sb.ToString());
        }

        return set;
    }
}
