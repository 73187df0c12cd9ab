// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// What the engine needs to know about one routed request of one modality: how to prepare it, build its
/// <see cref="RequestProfile"/> (always through <see cref="RequestProfile.From"/>) and plan its routes. A router creates one
/// operation per request and hands it to <see cref="RouteEngine"/> once; the engine then drives the whole walk
/// (plan, attempts, failover, accounting, observers) and calls back into the operation only for what differs per
/// modality, so the walk reads router → engine → operation → vendor client, and back once.
/// </summary>
/// <remarks>
/// <para>
/// Derive from <see cref="RouteOperation{TClient, TResponse}"/> for a call that returns one response, or from
/// <see cref="StreamingRouteOperation{TClient, TUpdate}"/> for a stream of updates; both take the keyed vendor client type
/// the plan resolves per provider (<c>TClient</c>), and the request itself lives in the operation's fields.
/// </para>
/// <para>
/// Adding a modality (the image, vector-store and realtime operations of the next issues) is one sealed class per call
/// shape in <c>Routing/Operations/</c>, one constant in <see cref="RouteOperations"/> and a thin router method:
/// image generation is a <c>RouteOperation&lt;IImageGenerator, ImageGenerationResponse&gt;</c> whose <c>Describe</c> reports
/// <c>AccountingResult.Images</c>; a vector query is a <c>RouteOperation&lt;TVectorClient, TResult&gt;</c> that overrides
/// <see cref="Plan"/> to pin a store's model the way <see cref="EmbeddingOperation"/> does; a realtime session is a
/// <c>StreamingRouteOperation&lt;TRealtimeClient, TUpdate&gt;</c> whose <c>Open</c> starts the session (and whose
/// <see cref="PrepareAsync"/> buffers what failover must resend, as <see cref="SpeechToTextOperation"/> does with audio).
/// Nothing in the engine changes for them.
/// </para>
/// </remarks>
internal abstract class RouteOperation
{
    /// <summary>Gets the keyed service type of the vendor client the plan resolves per provider.</summary>
    public abstract Type ClientType { get; }

    /// <summary>
    /// Prepares the request before it is planned (called once, inside the engine's task or when its stream is first
    /// enumerated). The default does nothing.
    /// </summary>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the request is ready to send.</returns>
    public virtual ValueTask PrepareAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Builds the request's profile (operation, model, routing keys, estimated tokens) through <see cref="RequestProfile.From"/>.</summary>
    /// <param name="engine">The engine (its accounting estimates tokens).</param>
    /// <returns>The profile the plan filters and orders by.</returns>
    public abstract RequestProfile CreateProfile(RouteEngine engine);

    /// <summary>
    /// Gets a value indicating whether a failed attempt may be retried on the next route. A live audio stream whose start is no
    /// longer kept (<see cref="ReplayableAudioStream"/>) cannot be sent again, so its failure surfaces as it is.
    /// </summary>
    public virtual bool CanFailOver => true;

    /// <summary>Filters and orders the routes for the profile. Override to narrow the plan (embeddings pin a store's model).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile <see cref="CreateProfile"/> built.</param>
    /// <returns>The plan the engine runs.</returns>
    public virtual RoutePlan Plan(RouteEngine engine, RequestProfile profile) => engine.Plan(profile, ClientType);
}
