// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// What every endpoint does around its own work: authenticate the gateway key (401 in OpenAI's shape), apply the per-key
/// concurrency cap, then turn any failure before the response started into the mapped status and OpenAI error JSON.
/// </summary>
internal static class GatewayPipeline
{
    private const string LoggerName = "AssistantProviders.AspNetCore.Gateway";

    public static async Task RunAsync(HttpContext context, Func<GatewayCall, Task> handler)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerName) ?? NullLogger.Instance;
        var path = context.Request.Path.Value ?? string.Empty;

        var tenant = services.GetRequiredService<GatewayKeyRing>().Authenticate(context.Request.Headers.Authorization, allowBasic: false, out var reason);
        if (tenant is null)
        {
            Log.Unauthorized(logger, path, reason);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, new GatewayError(401, GatewayError.Authentication, "invalid_api_key", null, reason)).ConfigureAwait(false);
            return;
        }

        var gate = services.GetRequiredService<ConcurrencyGate>();
        if (!gate.TryEnter(tenant, out var counted))
        {
            Log.ConcurrencyLimited(logger, tenant, options.MaxConcurrentRequestsPerKey);
            await WriteErrorAsync(context, new GatewayError(429, GatewayError.RateLimit, "concurrency_limit_exceeded", null, "Too many requests in flight for this key.", TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            return;
        }

        try
        {
            var explain = options.AllowRouteExplanation && IsOn(context.Request.Headers[AssistantProviders.AspNetCore.GatewayHeaders.Explain]);
            var call = new GatewayCall(context, tenant, explain, options, logger);
            await handler(call).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Log.Cancelled(logger, path, tenant);
        }
        catch (GatewayStreamAbortedException)
        {
            throw; // to the server, which ends the started response without its final chunk
        }
#pragma warning disable CA1031 // Every failure becomes an OpenAI error response.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var error = GatewayErrorMapper.Map(ex);
            if (error.Status >= 500 && ex is not AssistantProviderException and not GatewayRequestException)
            {
                Log.Unexpected(logger, path, tenant, ex.GetType().Name);
            }
            else
            {
                Log.Failed(logger, path, tenant, error.Status, error.Code, ex.GetType().Name);
            }

            if (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, error).ConfigureAwait(false);
            }
        }
        finally
        {
            if (counted)
            {
                gate.Exit(tenant);
            }
        }
    }

    public static TimeProvider TimeProviderOf(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public static async Task WriteErrorAsync(HttpContext context, GatewayError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.RetryAfter is { } retry && error.Status is 429 or 503)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json";
        var body = new Wire.ErrorResponse { Error = new Wire.WireError { Message = error.Message, Type = error.Type, Param = error.Param, Code = error.Code } };
        await System.Text.Json.JsonSerializer.SerializeAsync(response.Body, body, GatewayJsonContext.Default.ErrorResponse, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsOn(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && value[0] is { } v && (v.Trim() is "1" || v.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a JSON body of at most <see cref="GatewayOptions.MaxRequestBodyBytes"/> into <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(GatewayCall call, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var context = call.Context;
        var cap = call.Options.MaxRequestBodyBytes;
        if (context.Request.ContentLength is { } length && length > cap)
        {
            throw TooLarge(cap);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap;
        }

        var buffer = new MemoryStream();
        await using (buffer.ConfigureAwait(false))
        {
            var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await context.Request.Body.ReadAsync(chunk, call.Aborted).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > cap)
                    {
                        throw TooLarge(cap);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(cap);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            }

            if (buffer.Length == 0)
            {
                throw new GatewayRequestException("The request body is empty: send a JSON object.", null, "invalid_json");
            }

            return System.Text.Json.JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type)
                ?? throw new GatewayRequestException("The request body must be a JSON object.", null, "invalid_json");
        }
    }

    private static GatewayRequestException TooLarge(long cap) =>
        new("The request body is larger than this gateway accepts (" + cap.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes).", null, "request_too_large", 413);
}
