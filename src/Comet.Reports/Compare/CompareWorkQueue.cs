namespace Comet.Reports.Compare;

/// <summary>The runs of a compare sweep in the order its workers take them: the largest known run first, a case's switched runs as soon as its first run has finished.</summary>
/// <remarks>
/// One queue for both kinds of run, so no worker idles at a barrier between "every first run" and "every switched run".
/// A first run's size is estimated before it runs (<see cref="CompareSweep"/> uses the trace-row estimate of its
/// mapping); a switched run's is its case's first run's event count. A worker takes the switched run with the most events
/// unless the next first run is estimated larger (longest processing time first: the last runs to finish are short ones).
/// </remarks>
internal sealed class CompareWorkQueue
{
    private readonly object _gate = new();
    private readonly Queue<int> _firstRuns;
    private readonly long[] _estimates;
    private readonly PriorityQueue<(int Case, int Switch), (long Events, int Case, int Switch)> _switched =
        new(Comparer<(long Events, int Case, int Switch)>.Create((a, b) => b.Events != a.Events ? b.Events.CompareTo(a.Events) : (a.Case, a.Switch).CompareTo((b.Case, b.Switch))));

    private int _firstRunsRunning;

    /// <summary>Queues the first run of every case, largest estimate first (ties in case order).</summary>
    public CompareWorkQueue(IReadOnlyList<long> estimates)
    {
        _estimates = [.. estimates];
        _firstRuns = new Queue<int>(Enumerable.Range(0, _estimates.Length).OrderByDescending(c => _estimates[c]).ThenBy(c => c));
    }

    /// <summary>Takes the next run, waiting while none is ready but a first run still in progress may queue switched ones; false when every run is taken.</summary>
    public bool TryTake(out (int Case, int Switch) run)
    {
        lock (_gate)
        {
            while (true)
            {
                var hasFirst = _firstRuns.Count > 0;
                if (_switched.TryPeek(out var next, out var size) && (!hasFirst || size.Events >= _estimates[_firstRuns.Peek()]))
                {
                    _switched.Dequeue();
                    run = next;
                    return true;
                }

                if (hasFirst)
                {
                    _firstRunsRunning++;
                    run = (_firstRuns.Dequeue(), -1);
                    return true;
                }

                if (_firstRunsRunning == 0)
                {
                    run = default;
                    return false;
                }

                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Marks a case's first run finished and queues its switched runs, sized by the first run's events.</summary>
    public void FirstRunDone(int caseIndex, long events, IEnumerable<int> switches)
    {
        lock (_gate)
        {
            foreach (var s in switches)
            {
                _switched.Enqueue((caseIndex, s), (events, caseIndex, s));
            }

            _firstRunsRunning--;
            Monitor.PulseAll(_gate);
        }
    }
}
