// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <content>Running an operation: non-streaming calls and streams, with failover only before output is exposed.</content>
internal sealed partial class RouteEngine
{
    /// <summary>
    /// Runs one routed call: the operation builds its profile and plan (inside the returned task), then each route is sent
    /// in turn until one succeeds; the operation describes the response for accounting and annotates it.
    /// </summary>
    public async Task<TResponse> ExecuteAsync<TClient, TResponse>(RouteOperation<TClient, TResponse> operation, CancellationToken cancellationToken)
        where TClient : class
    {
        await operation.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var profile = operation.CreateProfile(this);
        await ClassifyAsync(profile, cancellationToken).ConfigureAwait(false);
        var run = new RequestRun(this, operation.Plan(this, profile));
        try
        {
            while (true)
            {
                var scope = await run.NextAsync(cancellationToken).ConfigureAwait(false);
                if (scope is null)
                {
                    ExceptionDispatchInfo.Capture(run.Exhausted()).Throw();
                }

                run.Observation.AttemptStarted(scope);

                using (scope)
                {
                    TResponse result;
                    try
                    {
                        result = await operation.InvokeAsync(scope.Candidate, scope.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        var surface = await run.OnFailureAsync(scope, ex, exposed: false, usage: null, cancellationToken).ConfigureAwait(false);
                        await scope.Lease.Settled.ConfigureAwait(false);
                        if (surface is not null)
                        {
                            ExceptionDispatchInfo.Capture(surface).Throw();
                        }

                        continue;
                    }

                    run.ObserveRateLimits(scope, result);
                    var cost = await run.OnSuccessAsync(scope, operation.Describe(result, scope.Candidate) with { Latency = scope.Elapsed }).ConfigureAwait(false);
                    await scope.Lease.Settled.ConfigureAwait(false);
                    operation.Annotate(result, scope.Candidate, run, cost);
                    await run.Observation.CompleteAsync(result, null).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch (Exception ex)
        {
            await run.Observation.CompleteAsync(null, ex).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Streams one routed request: the operation builds its profile and plan when enumeration starts (so a router can
    /// return this stream directly, without an iterator of its own around it). A failure before the first update fails
    /// over; after it, the error surfaces and the caller keeps what it got. Breaking out of the loop disposes the inner stream.
    /// </summary>
    public async IAsyncEnumerable<TUpdate> StreamAsync<TClient, TUpdate>(StreamingRouteOperation<TClient, TUpdate> operation, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TClient : class
        where TUpdate : class
    {
        await operation.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var profile = operation.CreateProfile(this);
        await ClassifyAsync(profile, cancellationToken).ConfigureAwait(false);
        var run = new RequestRun(this, operation.Plan(this, profile));
        try
        {
            while (true)
            {
                var scope = await run.NextAsync(cancellationToken).ConfigureAwait(false);
                if (scope is null)
                {
                    var exhausted = run.Exhausted();
                    await run.Observation.CompleteAsync(null, exhausted).ConfigureAwait(false);
                    ExceptionDispatchInfo.Capture(exhausted).Throw();
                }

                run.Observation.AttemptStarted(scope);

                IAsyncEnumerator<TUpdate>? inner = null;
                var exposed = false;
                var done = false;
                UsageDetails? usage = null;
                TUpdate? last = null;
                try
                {
                    Exception? failure = null;
                    try
                    {
                        inner = operation.Open(scope.Candidate, scope.Token).GetAsyncEnumerator(scope.Token);
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }

                    while (failure is null)
                    {
                        bool hasNext;
                        scope.BeforeNext();
                        try
                        {
                            hasNext = await inner!.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            failure = ex;
                            break;
                        }

                        if (!hasNext)
                        {
                            break;
                        }

                        var update = inner.Current;
                        scope.OnUpdate();
                        if (!exposed)
                        {
                            run.ObserveRateLimits(scope, update);
                        }

                        var items = operation.ContentsOf(update);
                        StreamUsage.Accumulate(items, ref usage);

                        operation.AnnotateEach(update, scope.Candidate);
                        run.Observation.Streamed(items);
                        last = update;
                        exposed = true;
                        yield return update;
                    }

                    if (failure is null && !exposed)
                    {
                        failure = new IncompleteStreamException($"The stream from {scope.Candidate.Name} ended without any update.")
                        {
                            ProviderId = scope.Candidate.Provider.Id,
                            ModelId = scope.Candidate.EffectiveModel,
                        };
                    }

                    if (failure is not null)
                    {
                        done = true;
                        // Output already handed out, or input that cannot be sent again: no failover.
                        var surface = await run.OnFailureAsync(scope, failure, exposed || !operation.CanFailOver, usage, cancellationToken).ConfigureAwait(false);
                        await scope.Lease.Settled.ConfigureAwait(false);
                        if (surface is not null)
                        {
                            await run.Observation.CompleteAsync(null, surface).ConfigureAwait(false);
                            ExceptionDispatchInfo.Capture(surface).Throw();
                        }

                        continue;
                    }

                    done = true;
                    var cost = await run.OnSuccessAsync(scope, operation.Describe(last, scope.Candidate, usage) with { Latency = scope.Elapsed, TimeToFirstToken = scope.TimeToFirstToken }).ConfigureAwait(false);
                    await scope.Lease.Settled.ConfigureAwait(false);
                    await run.Observation.CompleteAsync(null, null).ConfigureAwait(false);
                    if (operation.Annotate(last!, scope.Candidate, run, cost) is { } closing)
                    {
                        yield return closing;
                    }

                    yield break;
                }
                finally
                {
                    if (inner is not null)
                    {
                        await inner.DisposeAsync().ConfigureAwait(false);
                    }

                    if (!done)
                    {
                        await run.OnAbandonedAsync(scope, exposed, usage).ConfigureAwait(false);
                    }

                    scope.Dispose();
                    await scope.Lease.Settled.ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Abandoned (the caller stopped reading) or cancelled before any outcome: no-op when already completed.
            await run.Observation.CompleteAsync(null, null).ConfigureAwait(false);
        }
    }
}
