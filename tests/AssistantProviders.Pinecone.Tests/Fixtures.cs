// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Net;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Pinecone.Tests;

/// <summary>Clients over a verbatim handler, index descriptions, and the shared Pinecone fixtures (read in place).</summary>
internal static class Fixtures
{
    public const string Key = "pcsk_test_key_0123456789abcdefghij";
    public const string Host = "hotels-abc123.svc.aped-4627-b74a.pinecone.io";

    public static string Read(string file) => RepoPaths.ReadFixture("pinecone", file);

    public static PineconeClientOptions Options(Action<PineconeClientOptions>? configure = null)
    {
        var options = new PineconeClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    public static PineconeVectorStore Store(VerbatimHttpHandler handler, Action<PineconeClientOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(configure), new HttpClient(handler), null, time);

    [RequiresDynamicCode("POCO model")]
    [RequiresUnreferencedCode("POCO model")]
    public static PineconeCollection<Hotel> Hotels(VerbatimHttpHandler handler, Action<PineconeClientOptions>? configure = null, string? ns = null) =>
        Store(handler, configure).GetCollection<Hotel>("hotels", new PineconeCollectionOptions { Namespace = ns });

    public static string Index(string name = "hotels", bool ready = true, int dimension = 3, string host = Host, string metric = "cosine") =>
        "{\"name\":\"" + name + "\",\"dimension\":" + dimension + ",\"metric\":\"" + metric + "\",\"host\":\"" + host + "\"," +
        "\"spec\":{\"serverless\":{\"cloud\":\"aws\",\"region\":\"us-east-1\"}}," +
        "\"status\":{\"ready\":" + (ready ? "true" : "false") + ",\"state\":\"" + (ready ? "Ready" : "Initializing") + "\"},\"vector_type\":\"dense\"}";

    /// <summary>Queues a ready description of the index (the first data-plane call resolves the host with it).</summary>
    public static VerbatimHttpHandler Described(this VerbatimHttpHandler handler, string name = "hotels") => handler.Respond(Index(name));

    public static VerbatimHttpHandler NotFound(this VerbatimHttpHandler handler) =>
        handler.Respond("""{"error":{"code":"NOT_FOUND","message":"Index hotels not found."},"status":404}""", HttpStatusCode.NotFound);

    public static Hotel Hotel(string id, float x = 1, float y = 0, float z = 0) => new()
    {
        Id = id,
        Name = "Hotel " + id,
        Rating = 4,
        Price = 99.5,
        Open = true,
        Tags = ["pool", "wifi"],
        Vector = new[] { x, y, z },
    };
}
