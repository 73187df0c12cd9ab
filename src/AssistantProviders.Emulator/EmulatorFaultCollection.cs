// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;

namespace AssistantProviders.Emulator;

/// <summary>The thread-safe, runtime-mutable list of scripted faults of an <see cref="EmulatorServer"/>.</summary>
public sealed class EmulatorFaultCollection : IReadOnlyCollection<EmulatorFault>
{
    private readonly Lock _gate = new();
    private readonly List<EmulatorFault> _faults = [];

    internal EmulatorFaultCollection()
    {
    }

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>Adds a fault after the existing ones.</summary>
    /// <param name="fault">The fault.</param>
    public void Add(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Removes a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns><see langword="true"/> if it was in the list.</returns>
    public bool Remove(EmulatorFault fault)
    {
        lock (_gate)
        {
            return _faults.Remove(fault);
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<EmulatorFault> GetEnumerator()
    {
        EmulatorFault[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _faults];
        }

        return ((IEnumerable<EmulatorFault>)snapshot).GetEnumerator();
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Finds the first matching fault that still has uses left and takes one use of it.</summary>
    internal EmulatorFault? TakeMatch(string vendor, string path, string? model)
    {
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                if (fault.Matches(vendor, path, model) && fault.TryConsume())
                {
                    return fault;
                }
            }
        }

        return null;
    }
}
