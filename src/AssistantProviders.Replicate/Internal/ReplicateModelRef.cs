// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate.Internal;

/// <summary>
/// A Replicate model id: <c>owner/name</c> (an official model: <c>POST /v1/models/{owner}/{name}/predictions</c>),
/// <c>owner/name:version</c> or a bare 64-hex version id (<c>POST /v1/predictions</c> with <c>version</c>).
/// </summary>
internal readonly record struct ReplicateModelRef(string Id, string? Owner, string? Name, string? Version)
{
    public bool HasVersion => Version is not null;

    /// <summary>Gets the create path below the endpoint.</summary>
    public string CreatePath => HasVersion
        ? "v1/predictions"
        : "v1/models/" + Uri.EscapeDataString(Owner!) + "/" + Uri.EscapeDataString(Name!) + "/predictions";

    public static ReplicateModelRef Parse(string model)
    {
        var id = model.Trim();
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? id : id[..colon];
        var version = colon < 0 ? null : id[(colon + 1)..];
        if (colon < 0 && IsVersionId(id))
        {
            return new ReplicateModelRef(id, null, null, id);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0 || (version is not null && version.Length == 0))
        {
            throw ReplicateErrors.BadInput(
                "invalid_model_id",
                $"'{model}' is not a Replicate model id. Use owner/name for an official model (black-forest-labs/flux-schnell), owner/name:version for any model version, or a 64-character version id.",
                model);
        }

        return new ReplicateModelRef(id, path[..slash], path[(slash + 1)..], version);
    }

    private static bool IsVersionId(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
