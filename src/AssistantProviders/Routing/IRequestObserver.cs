// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>Follows one routed request: each attempt, the streamed content and the end.</summary>
internal interface IRequestObserver
{
    /// <summary>An attempt is about to be sent.</summary>
    void OnAttemptStart(RouteAttemptInfo attempt);

    /// <summary>An attempt ended (served, failed or abandoned).</summary>
    void OnAttemptEnd(RouteAttemptInfo attempt, RouteAttemptResult result);

    /// <summary>Gets a value indicating whether <see cref="OnContent"/> should be called for every streamed update.</summary>
    bool ObservesContent => true;

    /// <summary>Gets a value indicating whether the completion needs the streamed text (<see cref="RouteCompletion.StreamedText"/>).</summary>
    bool NeedsStreamedText => false;

    /// <summary>Content of a streamed update exposed to the caller.</summary>
    void OnContent(IEnumerable<AIContent> contents);

    /// <summary>The request ended; called exactly once.</summary>
    ValueTask OnCompletedAsync(RouteCompletion completion);
}
