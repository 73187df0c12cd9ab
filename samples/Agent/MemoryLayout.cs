// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AgentSample;

/// <summary>
/// The record layout of the Agent Framework's <c>ChatHistoryMemoryProvider</c> (Microsoft.Agents.AI 1.28): one record per chat
/// message, a <see cref="Guid"/> key, the scope fields it filters on and the message text, embedded. The memory file reads and
/// writes the same collection through this layout, with the vector either as floats (kept as is) or as text (embedded again).
/// </summary>
internal static class MemoryLayout
{
    /// <summary>The collection (a Weaviate class name is capitalized, so the same name works there).</summary>
    public const string CollectionName = "AgentMemory";

    public const string Key = "Key";
    public const string Role = "Role";
    public const string MessageId = "MessageId";
    public const string AuthorName = "AuthorName";
    public const string ApplicationId = "ApplicationId";
    public const string AgentId = "AgentId";
    public const string UserId = "UserId";
    public const string SessionId = "SessionId";
    public const string Content = "Content";
    public const string CreatedAt = "CreatedAt";
    public const string ContentEmbedding = "ContentEmbedding";

    /// <summary>The string data fields, in order.</summary>
    public static readonly string[] TextFields = [Role, MessageId, AuthorName, ApplicationId, AgentId, UserId, SessionId, Content, CreatedAt];

    /// <summary>The layout with the vector as <paramref name="vectorType"/>: <c>ReadOnlyMemory&lt;float&gt;</c> (stored vectors) or <c>string</c> (text to embed).</summary>
    public static VectorStoreCollectionDefinition Definition(Type vectorType, int dimensions) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty(Key, typeof(Guid)),
            new VectorStoreDataProperty(Role, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(MessageId, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(AuthorName, typeof(string)),
            new VectorStoreDataProperty(ApplicationId, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(AgentId, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(UserId, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(SessionId, typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(Content, typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty(CreatedAt, typeof(string)) { IsIndexed = true },
            new VectorStoreVectorProperty(ContentEmbedding, vectorType, dimensions),
        ],
    };
}
