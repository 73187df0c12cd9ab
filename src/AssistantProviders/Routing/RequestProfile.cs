// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>What the router knows about one request, for filters, orders and accounting.</summary>
internal sealed class RequestProfile
{
    public required string Operation { get; init; }

    public string? RequestedModel { get; init; }

    /// <summary>Gets or sets the data class to route by (the PII detector may raise it in <c>Plan</c>).</summary>
    public string? DataClass { get; set; }

    public IReadOnlyList<string>? AllowedRegions { get; init; }

    public string? Task { get; init; }

    public RoutingStrategy? Strategy { get; init; }

    public string? Tenant { get; init; }

    public long EstimatedInputTokens { get; init; }

    public long? MaxOutputTokens { get; init; }

    public bool NeedsTools { get; init; }

    public bool NeedsVision { get; init; }

    public bool NeedsJson { get; init; }

    public bool Streaming { get; init; }

    /// <summary>Gets the audio minutes the request sends (speech-to-text), when known, for budgets and cheapest routing.</summary>
    public double? AudioMinutes { get; init; }

    /// <summary>Gets the characters the request sends (text-to-speech), for budgets and cheapest routing.</summary>
    public long? Characters { get; init; }

    /// <summary>Gets the images the request asks for (image generation), for budgets and cheapest routing.</summary>
    public int? Images { get; init; }

    /// <summary>Gets the images' size and quality (<c>WxH</c> or <c>WxH/quality</c>), to pick the catalog's image price.</summary>
    public string? ImageVariant { get; init; }

    /// <summary>Gets the embedding store key the model is pinned for (embeddings only).</summary>
    public string? PinKey { get; init; }

    /// <summary>Gets the request input (chat messages, texts) for PII detection and the audit hashes.</summary>
    public object? Input { get; init; }

    /// <summary>Gets the chat options of a chat request (for the <see cref="RoutingStrategy.Auto"/> classifier).</summary>
    public Microsoft.Extensions.AI.ChatOptions? ChatOptions { get; init; }

    /// <summary>Gets or sets the tier the classifier put the request in (<see cref="RoutingStrategy.Auto"/> chat requests only).</summary>
    public RequestClassification? Classification { get; set; }

    /// <summary>
    /// Builds a request's profile: the one factory every <see cref="RouteOperation"/> uses. Reads the routing keys (data
    /// class, regions, task, strategy, tenant) from the request's properties; the rest is what the operation knows.
    /// </summary>
    public static RequestProfile From(
        string operation,
        string? model,
        AdditionalPropertiesDictionary? properties,
        long estimatedTokens,
        bool streaming = false,
        object? input = null,
        long? maxOutputTokens = null,
        bool needsTools = false,
        bool needsJson = false,
        bool needsVision = false,
        double? audioMinutes = null,
        long? characters = null,
        int? images = null,
        string? imageVariant = null,
        ChatOptions? chatOptions = null) => new()
    {
        Operation = operation,
        RequestedModel = model,
        DataClass = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.DataClass)),
        AllowedRegions = RouteEngine.ReadList(properties?.GetValueOrDefault(AssistantProviderProperties.AllowedRegions)),
        Task = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.Task)),
        Strategy = RouteEngine.ReadStrategy(properties?.GetValueOrDefault(AssistantProviderProperties.Strategy)),
        Tenant = RouteEngine.ReadString(properties?.GetValueOrDefault(AssistantProviderProperties.Tenant)),
        EstimatedInputTokens = estimatedTokens,
        MaxOutputTokens = maxOutputTokens,
        NeedsTools = needsTools,
        NeedsJson = needsJson,
        NeedsVision = needsVision,
        Streaming = streaming,
        Input = input,
        AudioMinutes = audioMinutes,
        Characters = characters,
        Images = images,
        ImageVariant = imageVariant,
        ChatOptions = chatOptions,
    };
}
