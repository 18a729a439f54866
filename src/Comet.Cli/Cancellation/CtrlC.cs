namespace Comet.Cli.Cancellation;

/// <summary>Turns Ctrl-C into a <see cref="CancellationToken"/>: the first press asks the run to stop cleanly, a second one ends the process.</summary>
/// <remarks>
/// A simulate run polls <see cref="Token"/> between events (see <see cref="Comet.Reports.Runs.ExecutorRun"/>), stops, flushes its trace
/// sinks and commits its output folder, so what was simulated is written as complete, valid files.
/// </remarks>
public sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly bool _hooked;
    private readonly CancellationTokenRegistration _interrupt;
    private int _presses;
    private bool _disposed;

    private CtrlC(bool hookConsole, CancellationToken interrupt)
    {
        if (hookConsole)
        {
            Console.CancelKeyPress += OnCancelKeyPress;
            _hooked = true;
        }

        // An embedding program (or a test) interrupts through its own token exactly as a first Ctrl-C would.
        _interrupt = interrupt.Register(() => Press());
    }

    /// <summary>The token that is cancelled on the first Ctrl-C.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once a stop has been requested.</summary>
    public bool StopRequested => _source.IsCancellationRequested;

    /// <summary>Hooks <see cref="Console.CancelKeyPress"/> until disposed; cancelling <paramref name="interrupt"/> counts as a first press.</summary>
    public static CtrlC Install(CancellationToken interrupt = default) => new(hookConsole: true, interrupt);

    /// <summary>Creates a helper that is not hooked to the console; <see cref="Press"/> stands in for the signal (for tests and embedding).</summary>
    public static CtrlC Detached() => new(hookConsole: false, CancellationToken.None);

    /// <summary>Handles one Ctrl-C press; returns true when the process should stay alive to stop cleanly (the first press), false for later presses.</summary>
    public bool Press()
    {
        var presses = Interlocked.Increment(ref _presses);
        if (presses == 1)
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            return true;
        }

        return false;
    }

    /// <summary>Unhooks the console handler.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _interrupt.Dispose();
        if (_hooked)
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }

        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (e.SpecialKey == ConsoleSpecialKey.ControlC)
        {
            // Keeping the process alive lets the run flush and commit what it simulated; a second press is the escape hatch.
            e.Cancel = Press();
        }
    }
}
