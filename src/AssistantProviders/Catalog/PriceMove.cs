// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One price of one model that changes: the field, the old value and the new one.</summary>
public sealed class PriceMove
{
    internal PriceMove(string providerId, string modelId, string field, decimal? oldValue, decimal? newValue)
    {
        ProviderId = providerId;
        ModelId = modelId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>Gets the provider id.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the catalog model id.</summary>
    public string ModelId { get; }

    /// <summary>Gets the catalog price field (<c>input</c>, <c>output</c>, <c>cachedInput</c>…).</summary>
    public string Field { get; }

    /// <summary>Gets the price before the change, or <see langword="null"/> when the field was not priced.</summary>
    public decimal? OldValue { get; }

    /// <summary>Gets the price after the change, or <see langword="null"/> when the field is no longer priced.</summary>
    public decimal? NewValue { get; }
}
