using Comet.Sim;

namespace Comet.Examples.MachineShop;

/// <summary>
/// The classic machine-shop model (SimPy's, with fixed times so the result can be checked by hand): machines make
/// parts, a breaker per machine interrupts it every <see cref="TimeBetweenFailures"/> cycles, and a broken machine
/// waits for the one repairman, is repaired, then finishes the interrupted part.
/// </summary>
/// <remarks>
/// With two machines, parts of 10 cycles, failures every 25 cycles and repairs of 7 cycles, both machines break at
/// 25, 50 and 75; machine 0 gets the repairman first each time (its breaker fires first), machine 1 waits 7 cycles
/// more. Up to cycle 100 machine 0 finishes parts at 10, 20, 37, 47, 64, 74, 91 (7 parts) and machine 1 at
/// 10, 20, 44, 68, 92 (5 parts); the repairman is busy 3 × 14 = 42 of 100 cycles.
/// </remarks>
public sealed class MachineShop
{
    /// <summary>Cycles to make one part without interruption.</summary>
    public const long PartTime = 10;

    /// <summary>Cycles between two failures of a machine.</summary>
    public const long TimeBetweenFailures = 25;

    /// <summary>Cycles the repairman needs for one repair.</summary>
    public const long RepairTime = 7;

    private readonly Simulation _sim;
    private readonly Resource _repairman;
    private readonly int[] _parts;
    private readonly bool[] _broken;
    private readonly List<long>[] _finishTimes;

    /// <summary>Builds a shop of <paramref name="machines"/> machines in <paramref name="sim"/>.</summary>
    public MachineShop(Simulation sim, int machines)
    {
        _sim = sim;
        _repairman = new Resource(sim, 1, "repairman") { InUseMonitor = new TimeWeightedMonitor("repairman busy") };
        _parts = new int[machines];
        _broken = new bool[machines];
        _finishTimes = new List<long>[machines];
        var workers = new Process[machines];
        for (var i = 0; i < machines; i++)
        {
            _finishTimes[i] = new List<long>();
            workers[i] = sim.Process(Work(i), $"machine[{i}]");
        }
        for (var i = 0; i < machines; i++)
            sim.Process(Break(i, workers[i]), $"breaker[{i}]").IsDaemon = true;
    }

    /// <summary>Runs a two-machine shop for <paramref name="cycles"/> cycles and reports what it made.</summary>
    public static MachineShopResult Run(long cycles = 100, int machines = 2)
    {
        var sim = new Simulation();
        var shop = new MachineShop(sim, machines);
        sim.Run(cycles);
        return new MachineShopResult(shop._parts.ToArray(), shop._finishTimes.Select(f => (IReadOnlyList<long>)f.ToArray()).ToArray(),
            shop._repairman.Utilization);
    }

    private IEnumerable<Event> Work(int machine)
    {
        var me = _sim.ActiveProcess!;
        while (true)
        {
            var left = PartTime;
            while (left > 0)
            {
                var start = _sim.Now;
                yield return _sim.Timeout(left);
                if (!me.HandleInterrupt(out _))
                {
                    left = 0;
                    continue;
                }
                // Broken mid-part: keep the work done, wait for the repairman, then carry on.
                left -= _sim.Now - start;
                _broken[machine] = true;
                using (var repair = _repairman.Request())
                {
                    yield return repair;
                    yield return _sim.Timeout(RepairTime);
                }
                _broken[machine] = false;
            }
            _parts[machine]++;
            _finishTimes[machine].Add(_sim.Now);
        }
    }

    private IEnumerable<Event> Break(int machine, Process worker)
    {
        while (true)
        {
            yield return _sim.Timeout(TimeBetweenFailures);
            if (!_broken[machine])
                worker.Interrupt("failure");
        }
    }
}
