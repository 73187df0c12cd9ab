// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <content>Running a plan: non-streaming calls and streams, with failover only before output is exposed.</content>
internal sealed partial class RouteEngine
{
    /// <summary>Runs a non-streaming call over the plan's routes.</summary>
    public Task<TResult> ExecuteAsync<TResult>(
        RoutePlan plan,
        Func<RouteCandidate, CancellationToken, Task<TResult>> invoke,
        Func<TResult, RouteCandidate, AccountingResult> describe,
        Action<TResult, RouteCandidate, RequestRun, CostDetails?> annotate,
        CancellationToken cancellationToken) =>
        ExecuteAsync(() => plan, invoke, describe, annotate, cancellationToken);

    /// <summary>Runs a non-streaming call over the routes of the plan <paramref name="planner"/> builds (inside the returned task).</summary>
    public async Task<TResult> ExecuteAsync<TResult>(
        Func<RoutePlan> planner,
        Func<RouteCandidate, CancellationToken, Task<TResult>> invoke,
        Func<TResult, RouteCandidate, AccountingResult> describe,
        Action<TResult, RouteCandidate, RequestRun, CostDetails?> annotate,
        CancellationToken cancellationToken)
    {
        var run = new RequestRun(this, planner());
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
                    TResult result;
                    try
                    {
                        result = await invoke(scope.Candidate, scope.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        var surface = run.OnFailure(scope, ex, exposed: false, usage: null, cancellationToken);
                        await scope.Lease.Settled.ConfigureAwait(false);
                        if (surface is not null)
                        {
                            ExceptionDispatchInfo.Capture(surface).Throw();
                        }

                        continue;
                    }

                    run.ObserveRateLimits(scope, result);
                    var cost = run.OnSuccess(scope, describe(result, scope.Candidate) with { Latency = scope.Elapsed });
                    await scope.Lease.Settled.ConfigureAwait(false);
                    annotate(result, scope.Candidate, run, cost);
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
    /// Streams over the plan's routes. A failure before the first update fails over; after it, the error surfaces and the
    /// caller keeps what it got. Breaking out of the loop disposes the inner stream.
    /// </summary>
    public IAsyncEnumerable<TUpdate> StreamAsync<TUpdate>(
        RoutePlan plan,
        Func<RouteCandidate, CancellationToken, IAsyncEnumerable<TUpdate>> open,
        Func<TUpdate, IEnumerable<AIContent>?> contents,
        Action<TUpdate, RouteCandidate> annotateEach,
        Func<RouteCandidate, RequestRun, CostDetails?, TUpdate, TUpdate?> final,
        Func<TUpdate?, RouteCandidate, UsageDetails?, AccountingResult> describe,
        CancellationToken cancellationToken)
        where TUpdate : class =>
        StreamAsync(() => plan, open, contents, annotateEach, final, describe, cancellationToken);

    /// <summary>
    /// Streams over the routes of the plan <paramref name="planner"/> builds when enumeration starts (so a router can
    /// return this stream directly, without an iterator of its own around it).
    /// </summary>
    public async IAsyncEnumerable<TUpdate> StreamAsync<TUpdate>(
        Func<RoutePlan> planner,
        Func<RouteCandidate, CancellationToken, IAsyncEnumerable<TUpdate>> open,
        Func<TUpdate, IEnumerable<AIContent>?> contents,
        Action<TUpdate, RouteCandidate> annotateEach,
        Func<RouteCandidate, RequestRun, CostDetails?, TUpdate, TUpdate?> final,
        Func<TUpdate?, RouteCandidate, UsageDetails?, AccountingResult> describe,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TUpdate : class
    {
        var run = new RequestRun(this, planner());
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
                        inner = open(scope.Candidate, scope.Token).GetAsyncEnumerator(scope.Token);
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

                        var items = contents(update);
                        StreamUsage.Accumulate(items, ref usage);

                        annotateEach(update, scope.Candidate);
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
                        var surface = run.OnFailure(scope, failure, exposed, usage, cancellationToken);
                        await scope.Lease.Settled.ConfigureAwait(false);
                        if (surface is not null)
                        {
                            await run.Observation.CompleteAsync(null, surface).ConfigureAwait(false);
                            ExceptionDispatchInfo.Capture(surface).Throw();
                        }

                        continue;
                    }

                    done = true;
                    var cost = run.OnSuccess(scope, describe(last, scope.Candidate, usage) with { Latency = scope.Elapsed, TimeToFirstToken = scope.TimeToFirstToken });
                    await scope.Lease.Settled.ConfigureAwait(false);
                    await run.Observation.CompleteAsync(null, null).ConfigureAwait(false);
                    if (final(scope.Candidate, run, cost, last!) is { } closing)
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
                        run.OnAbandoned(scope, exposed, usage);
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
