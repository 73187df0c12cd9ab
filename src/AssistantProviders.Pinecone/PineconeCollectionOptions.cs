// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone;

/// <summary>Options of one Pinecone collection (a serverless index): its namespace and, for the index it creates, cloud and region.</summary>
public sealed class PineconeCollectionOptions : VectorStoreCollectionOptions
{
    /// <summary>Initializes a new instance of the <see cref="PineconeCollectionOptions"/> class.</summary>
    public PineconeCollectionOptions()
    {
    }

    /// <summary>
    /// Gets or sets the namespace every operation of the collection uses. Default: <see cref="PineconeClientOptions.Namespace"/>, else
    /// the index's default namespace (<c>""</c>). For another namespace per call, use <see cref="PineconeCollection{TRecord}.WithNamespace(string)"/>.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets the cloud of the index <c>EnsureCollectionExistsAsync</c> creates. Default: <see cref="PineconeClientOptions.Cloud"/> (<c>aws</c>).</summary>
    public string? Cloud { get; set; }

    /// <summary>Gets or sets the region of the index <c>EnsureCollectionExistsAsync</c> creates. Default: <see cref="PineconeClientOptions.Region"/> (<c>us-east-1</c>).</summary>
    public string? Region { get; set; }
}
