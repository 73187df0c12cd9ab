// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>Thrown out of a socket wire's script when a fault has ended the session (dropped or closed it).</summary>
internal sealed class EmulatorSocketEndedException : Exception
{
    public EmulatorSocketEndedException()
        : base("The emulator's socket fault ended the session.")
    {
    }

    public EmulatorSocketEndedException(string message)
        : base(message)
    {
    }

    public EmulatorSocketEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
