// Licensed under the MIT License. See LICENSE in the project root.
using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace AgentSample;

/// <summary>The agent's own tool, an <see cref="AIFunction"/> made from a plain method.</summary>
internal static class TravelTools
{
    /// <summary>Gets the tools.</summary>
    public static IReadOnlyList<AITool> All { get; } =
    [
        AIFunctionFactory.Create(CelsiusToFahrenheit, "celsius_to_fahrenheit", "Converts a temperature from degrees Celsius to degrees Fahrenheit."),
    ];

    [Description("Converts a temperature from degrees Celsius to degrees Fahrenheit.")]
    private static string CelsiusToFahrenheit([Description("The temperature in degrees Celsius.")] double celsius) =>
        string.Create(CultureInfo.InvariantCulture, $"{celsius:0.#} °C is {(celsius * 9 / 5) + 32:0.#} °F");
}
