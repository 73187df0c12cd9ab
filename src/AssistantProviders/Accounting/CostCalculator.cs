// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Catalog;

namespace AssistantProviders.Accounting;

/// <summary>
/// Prices quantities with a catalog entry. Rules:
/// uncached input = input − cached − cache-write (MEAI counts them inside <c>InputTokenCount</c>); cached input at the cached
/// price (input price when none), cache writes at the cache-write price (input price when none); reasoning tokens are split
/// out of output at the reasoning price (output price when none); audio tokens at audio prices when given. Speech-to-text is
/// billed per audio minute and text-to-speech per 1K characters when both the quantity and the price exist, else by tokens.
/// Images (at the price of their size and quality when the catalog lists one, else <c>perImage</c>), compute billed by time
/// (<c>perSecond</c>) and requests (Perplexity search fee, Cohere rerank search unit) go to <see cref="CostDetails.Other"/>.
/// A positive quantity without a price is not billed; when nothing at all could be priced the cost is unknown.
/// </summary>
internal static class CostCalculator
{
    private const decimal Million = 1_000_000m;

    /// <summary>Computes a cost, or returns <see langword="null"/> when nothing the call consumed has a price.</summary>
    public static CostDetails? Compute(CatalogEntry entry, string operation, CostQuantities q)
    {
        if (entry.Pricing is not { } p)
        {
            return null;
        }

        var priced = false;
        var missing = false;
        // The caller (RequestAccounting) sets PricedModelId and Confidence: it knows the served model id and the usage source.
        var cost = new CostDetails { Currency = p.Currency };

        var billTokens = true;
        if (IsOperation(operation, "stt") && q.AudioMinutes is > 0 && p.PerAudioMinute is { } perMinute)
        {
            cost.Audio = (decimal)q.AudioMinutes.Value * perMinute;
            priced = true;
            billTokens = false;
        }
        else if (IsOperation(operation, "tts") && q.Characters is > 0 && p.PerThousandCharacters is { } perK)
        {
            cost.Audio = q.Characters.Value / 1000m * perK;
            priced = true;
            billTokens = false;
        }
        else if (q.AudioMinutes is > 0 && p.PerAudioMinute is { } minutePrice && q.InputTokens == 0 && q.OutputTokens == 0)
        {
            cost.Audio = (decimal)q.AudioMinutes.Value * minutePrice;
            priced = true;
            billTokens = false;
        }
        else if (q.Characters is > 0 && p.PerThousandCharacters is { } charPrice && q.InputTokens == 0 && q.OutputTokens == 0)
        {
            cost.Audio = q.Characters.Value / 1000m * charPrice;
            priced = true;
            billTokens = false;
        }

        if (billTokens)
        {
            var audioIn = entry.AudioInputPerMillionTokens is not null ? q.AudioInputTokens : 0;
            var uncached = q.InputExcludesCache
                ? q.InputTokens - audioIn
                : q.InputTokens - q.CachedInputTokens - q.CacheWriteTokens - audioIn;
            uncached = Math.Max(0, uncached);

            cost.Input = Price(uncached, p.InputPerMillionTokens, ref priced, ref missing);
            cost.CachedRead = Price(q.CachedInputTokens, p.CachedInputPerMillionTokens ?? p.InputPerMillionTokens, ref priced, ref missing);
            cost.CacheWrite = Price(q.CacheWriteTokens, p.CacheWritePerMillionTokens ?? p.InputPerMillionTokens, ref priced, ref missing);

            var audioOut = entry.AudioOutputPerMillionTokens is not null ? q.AudioOutputTokens : 0;
            var reasoning = Math.Min(q.ReasoningTokens, Math.Max(0, q.OutputTokens - audioOut));
            var text = Math.Max(0, q.OutputTokens - reasoning - audioOut);
            cost.Output = Price(text, p.OutputPerMillionTokens, ref priced, ref missing);
            cost.Reasoning = Price(reasoning, entry.ReasoningPerMillionTokens ?? p.OutputPerMillionTokens, ref priced, ref missing);

            // Each side on its own: a nullable sum would drop the audio input's cost when there is no audio output (and vice versa).
            var audioTokens = (Price(audioIn, entry.AudioInputPerMillionTokens, ref priced, ref missing) ?? 0m)
                + (Price(audioOut, entry.AudioOutputPerMillionTokens, ref priced, ref missing) ?? 0m);
            if (audioTokens > 0m)
            {
                cost.Audio = (cost.Audio ?? 0m) + audioTokens;
            }
        }

        decimal? other = null;
        if (q.Images is > 0)
        {
            if (entry.ImagePrice(q.ImageVariant) is { } perImage)
            {
                other = q.Images.Value * perImage;
                priced = true;
            }
            else
            {
                missing = true;
            }
        }

        if (q.ComputeSeconds is > 0d)
        {
            if (entry.PerSecond is { } perSecond)
            {
                other = (other ?? 0m) + ((decimal)q.ComputeSeconds.Value * perSecond);
                priced = true;
            }
            else
            {
                missing = true;
            }
        }

        var requests = q.Requests ?? (p.PerRequest is not null && (IsOperation(operation, "chat") || IsOperation(operation, "rerank")) ? 1 : 0);
        if (requests > 0 && p.PerRequest is { } perRequest)
        {
            other = (other ?? 0m) + (requests * perRequest);
            priced = true;
        }

        cost.Other = other;
        if (!priced && missing)
        {
            return null;
        }

        if (IsOperation(operation, "stt") && !priced && q.AudioMinutes is null && p.PerAudioMinute is not null)
        {
            // A per-minute model whose duration was not reported: the cost cannot be known.
            return null;
        }

        cost.ComputeTotal();
        return cost;
    }

    /// <summary>The worst-case cost of a call, for budget reservation and cheapest routing.</summary>
    /// <param name="entry">The catalog entry.</param>
    /// <param name="inputTokens">The estimated input tokens.</param>
    /// <param name="outputTokens">The most output tokens the call may produce.</param>
    /// <param name="audioMinutes">The audio minutes, when priced per minute.</param>
    /// <param name="characters">The characters, when priced per 1K characters.</param>
    /// <param name="images">The images requested.</param>
    /// <param name="requests">The billed requests.</param>
    /// <param name="imageVariant">The images' size and quality (<c>WxH/quality</c>): none prices <c>perImage</c>, one the catalog does not list the dearest variant.</param>
    /// <param name="computeSeconds">The compute seconds to reserve for a time-billed model.</param>
    public static decimal WorstCase(CatalogEntry entry, long inputTokens, long outputTokens, double? audioMinutes = null, long? characters = null, int? images = null, int requests = 0, string? imageVariant = null, double? computeSeconds = null)
    {
        if (entry.Pricing is not { } p)
        {
            return 0m;
        }

        var total = (Math.Max(0, inputTokens) * (p.InputPerMillionTokens ?? 0m) / Million)
            + (Math.Max(0, outputTokens) * Math.Max(p.OutputPerMillionTokens ?? 0m, entry.ReasoningPerMillionTokens ?? 0m) / Million);
        total += (decimal)(audioMinutes ?? 0d) * (p.PerAudioMinute ?? 0m);
        total += (characters ?? 0) / 1000m * (p.PerThousandCharacters ?? 0m);
        if (images is > 0)
        {
            // No variant: the vendor's default size and quality (perImage). A variant the catalog does not list: the dearest one.
            var perImage = imageVariant is null
                ? p.PerImage ?? entry.MaxImagePrice()
                : (entry.ImagePrices.ContainsKey(imageVariant) ? entry.ImagePrice(imageVariant) : entry.MaxImagePrice());
            total += images.Value * (perImage ?? 0m);
        }

        total += (decimal)(computeSeconds ?? 0d) * (entry.PerSecond ?? 0m);
        total += requests * (p.PerRequest ?? 0m);
        return total;
    }

    private static decimal? Price(long tokens, decimal? perMillion, ref bool priced, ref bool missing)
    {
        if (tokens <= 0)
        {
            return null;
        }

        if (perMillion is not { } price)
        {
            missing = true;
            return null;
        }

        priced = true;
        return tokens * price / Million;
    }

    private static bool IsOperation(string operation, string name) => string.Equals(operation, name, StringComparison.OrdinalIgnoreCase);
}
