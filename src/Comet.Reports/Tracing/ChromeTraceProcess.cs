using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>One component of a Chrome trace (a process): its id, its name as JSON, and the lanes of each of its instances.</summary>
internal sealed class ChromeTraceProcess
{
    private const int MaxIndexedInstance = 1 << 16;

    private readonly List<List<ChromeTraceLane>?> _byInstance = new();
    private readonly Dictionary<int, List<ChromeTraceLane>> _unindexed = new();

    /// <summary>A process with id <paramref name="pid"/>.</summary>
    public ChromeTraceProcess(int pid) => Pid = pid;

    /// <summary>Chrome process id.</summary>
    public int Pid { get; }

    /// <summary>The lanes of <paramref name="instance"/>, main lane first (empty until its first slice).</summary>
    public List<ChromeTraceLane> LanesOf(int instance)
    {
        if ((uint)instance < MaxIndexedInstance)
        {
            if (instance < _byInstance.Count && _byInstance[instance] is { } lanes)
                return lanes;
            while (_byInstance.Count <= instance)
                _byInstance.Add(null);
            return _byInstance[instance] = new List<ChromeTraceLane>(1);
        }
        if (!_unindexed.TryGetValue(instance, out var far))
        {
            far = new List<ChromeTraceLane>(1);
            _unindexed.Add(instance, far);
        }
        return far;
    }
}
