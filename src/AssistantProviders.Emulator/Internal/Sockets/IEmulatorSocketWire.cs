// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>
/// A vendor's live socket in the emulator (Deepgram and AssemblyAI live transcription, ElevenLabs <c>stream-input</c>). The
/// dispatcher checks the key and applies status faults before the upgrade; the wire runs the accepted session, and socket faults
/// act inside <see cref="EmulatorSocketSession"/>'s sends. Register a wire with one line in <see cref="EmulatorSocketWires.Create"/>.
/// </summary>
internal interface IEmulatorSocketWire
{
    /// <summary>Gets the vendor prefix of the path (<c>deepgram</c> for <c>/deepgram/v1/listen</c>).</summary>
    string Vendor { get; }

    /// <summary>Tells whether the route after the vendor prefix (<c>v1/listen</c>) is this wire's socket.</summary>
    /// <param name="route">The route.</param>
    /// <returns><see langword="true"/> to run it.</returns>
    bool Handles(string route);

    /// <summary>Runs one session: reads the client's messages and answers as the vendor would. Returning closes normally (1000).</summary>
    /// <param name="session">The accepted socket with fault handling.</param>
    /// <param name="stopping">Signalled when the emulator stops.</param>
    /// <returns>A task that completes when the session is over.</returns>
    Task RunAsync(EmulatorSocketSession session, CancellationToken stopping);
}
