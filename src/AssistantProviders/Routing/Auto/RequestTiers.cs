// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>The built-in complexity tiers of <see cref="RoutingStrategy.Auto"/>, from the cheapest to the most capable.</summary>
public static class RequestTiers
{
    /// <summary>Short, plain requests: chit-chat, a lookup, a one-line rewrite.</summary>
    public const string Simple = "simple";

    /// <summary>Ordinary work: a longer input, a few tools, a short piece of code.</summary>
    public const string Medium = "medium";

    /// <summary>Long inputs, code, math, many tools, images or audio, deep conversations.</summary>
    public const string Complex = "complex";

    /// <summary>Requests that ask for careful reasoning: proofs, derivations, step-by-step analysis, or a reasoning effort.</summary>
    public const string Reasoning = "reasoning";
}
