// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>The vendor socket wires the emulator serves; one line per vendor.</summary>
internal static class EmulatorSocketWires
{
    /// <summary>Creates the wires for one emulator instance.</summary>
    /// <returns>The wires.</returns>
    public static IReadOnlyList<IEmulatorSocketWire> Create() =>
    [
        // Add one line per vendor socket wire here, e.g. new DeepgramSocketWire(),
        new DeepgramSocketWire(),
        new AssemblyAISocketWire(),
        new ElevenLabsSocketWire(),
    ];
}
