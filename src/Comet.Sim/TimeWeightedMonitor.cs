namespace Comet.Sim;

/// <summary>Tracks a piecewise-constant quantity over simulated time (queue length, units in use, bytes held) and reports its time-weighted mean, minimum and maximum.</summary>
public sealed class TimeWeightedMonitor
{
    private long _startTime;
    private long _lastTime;
    private double _area;
    private bool _started;

    /// <summary>Creates an empty monitor with a name for reports.</summary>
    public TimeWeightedMonitor(string name = "monitor")
    {
        Name = name;
    }

    /// <summary>Name used in reports.</summary>
    public string Name { get; }

    /// <summary>The value recorded last.</summary>
    public double Current { get; private set; }

    /// <summary>Smallest value recorded.</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest value recorded.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Number of values recorded.</summary>
    public long Samples { get; private set; }

    /// <summary>Records that the quantity is <paramref name="value"/> from cycle <paramref name="now"/> on.</summary>
    public void Record(long now, double value)
    {
        if (!_started)
        {
            _started = true;
            _startTime = now;
        }
        else
        {
            if (now < _lastTime)
                throw new ArgumentOutOfRangeException(nameof(now), "time went backwards");
            _area += Current * (now - _lastTime);
        }
        _lastTime = now;
        Current = value;
        if (value < Min)
            Min = value;
        if (value > Max)
            Max = value;
        Samples++;
    }

    /// <summary>Integral of the quantity over cycles from the first record to <paramref name="now"/>.</summary>
    public double Area(long now) => _started ? _area + Current * Math.Max(0, now - _lastTime) : 0;

    /// <summary>Time-weighted mean from the first record to <paramref name="now"/> (0 over an empty span).</summary>
    public double Mean(long now)
    {
        if (!_started || now <= _startTime)
            return _started ? Current : 0;
        return Area(now) / (now - _startTime);
    }
}
