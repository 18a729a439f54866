namespace Comet.Workloads.Search;

/// <summary>The analytic cycles and energy of every costed candidate in index order, 16 bytes each in fixed blocks (no copy as it grows), for the plot of every candidate and the Pareto front.</summary>
public sealed class CostedPoints
{
    /// <summary>Points per block.</summary>
    private const int BlockSize = 1 << 16;

    private readonly List<long[]> cycles = [];
    private readonly List<double[]> energy = [];

    /// <summary>The number of points.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a costed candidate's cycles and energy in pJ.</summary>
    public void Add(long cyclesOf, double energyPj)
    {
        var at = Count % BlockSize;
        if (at == 0)
        {
            cycles.Add(new long[BlockSize]);
            energy.Add(new double[BlockSize]);
        }

        cycles[^1][at] = cyclesOf;
        energy[^1][at] = energyPj;
        Count++;
    }

    /// <summary>The cycles of point <paramref name="i"/>.</summary>
    public long Cycles(int i) => cycles[i / BlockSize][i % BlockSize];

    /// <summary>The energy in pJ of point <paramref name="i"/>.</summary>
    public double EnergyPj(int i) => energy[i / BlockSize][i % BlockSize];
}
