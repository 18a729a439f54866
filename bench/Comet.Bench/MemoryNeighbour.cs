namespace Comet.Bench;

/// <summary>A thread that walks through a large array one cache line at a time, reading and writing, until disposed: a stand-in for a neighbour that loads the machine's caches and memory but not the simulation's data.</summary>
internal sealed class MemoryNeighbour : IDisposable
{
    private const int LineBytes = 64;

    private readonly byte[] _memory;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>Starts walking <paramref name="bytes"/> bytes.</summary>
    public MemoryNeighbour(int bytes)
    {
        _memory = new byte[bytes];
        _thread = new Thread(Walk) { IsBackground = true, Name = "memory neighbour" };
        _thread.Start();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Walk()
    {
        byte carry = 0;
        while (!_stop)
        {
            for (var i = 0; i < _memory.Length; i += LineBytes)
            {
                carry += _memory[i];
                _memory[i] = carry;
            }
        }
    }
}
