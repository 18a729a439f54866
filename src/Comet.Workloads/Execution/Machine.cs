using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Specs;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The simulated hardware built from an architecture spec: components created on first use, one per level instance.</summary>
public sealed class Machine
{
    private readonly Simulation _sim;
    private readonly Dictionary<(int Level, int Instance), object> _components = [];
    private readonly object?[]?[] _rows;
    private readonly bool _nocEnergy;
    private readonly MeshSwitching _switching;
    private readonly Dictionary<(int Level, int Instance, int Peer, bool Out), PortPool> _operandPorts = [];
    private readonly Dictionary<(int Target, int Mesh, int Child), MeshNoc?> _childMeshes = [];
    private readonly Dictionary<(int Level, int Mesh), MeshNoc?> _linkMeshes = [];

    /// <summary>Creates an empty machine for <paramref name="architecture"/> (its meshes price hops with the router model when <paramref name="nocEnergy"/> and switch as <paramref name="switching"/> says); components appear when first used.</summary>
    public Machine(Simulation sim, ArchitectureSpec architecture, bool nocEnergy = false, MeshSwitching switching = MeshSwitching.CutThrough)
    {
        _sim = sim;
        _nocEnergy = nocEnergy;
        _switching = switching;
        Architecture = architecture;
        Ledger = new EnergyLedger();
        _rows = new object?[]?[architecture.Levels.Count];
    }

    /// <summary>The architecture simulated.</summary>
    public ArchitectureSpec Architecture { get; }

    /// <summary>Energy accounts of every component.</summary>
    public EnergyLedger Ledger { get; }

    /// <summary>Every port pool created so far (buffers, DRAM channels, engine operand ports).</summary>
    public IEnumerable<PortPool> PortPools
    {
        get
        {
            foreach (var c in _components.OrderBy(k => k.Key.Level).ThenBy(k => k.Key.Instance).Select(k => k.Value))
            {
                switch (c)
                {
                    case Dram d:
                        foreach (var p in d.Channels)
                        {
                            yield return p;
                        }

                        break;
                    case SramBuffer b:
                        foreach (var side in Enum.GetValues<BufferSide>())
                        {
                            yield return b.Pool(side);
                        }

                        break;
                }
            }

            foreach (var p in _operandPorts.OrderBy(k => k.Key.Level).ThenBy(k => k.Key.Instance).ThenBy(k => k.Key.Peer).ThenBy(k => k.Key.Out))
            {
                yield return p.Value;
            }
        }
    }

    /// <summary>The level with id <paramref name="level"/>.</summary>
    public HierarchyLevelSpec Level(int level) => Architecture.Levels[level];

    /// <summary>Instances of <paramref name="level"/> in the whole machine.</summary>
    public int InstanceCount(int level) => (int)Math.Max(1, Architecture.TotalNodes(level));

    /// <summary>True for the DRAM (the root memory, or a level named DRAM).</summary>
    public bool IsDram(int level)
    {
        var spec = Level(level);
        return !spec.IsCompute && (spec.IsRoot || spec.Name.Equals("DRAM", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a compute level.</summary>
    public bool IsCompute(int level) => Level(level).IsCompute;

    /// <summary>The DRAM of level <paramref name="level"/>.</summary>
    public Dram Dram(int level) => Get(level, 0, static (machine, level, _) =>
    {
        var spec = machine.Level(level);
        var m = spec.Memory;
        var bw = Math.Max(1, Math.Max(m?.ChildReadBandwidth ?? 1, m?.ChildWriteBandwidth ?? 1));

        // The DRAM is always the target of a move, so COMET prices its side with its parent_* energies.
        return new Dram(machine._sim, new DramParameters(spec.Name, new DramChannelParameters(bw), 1, 256, Math.Max(1, m?.WidthBytes ?? 1), m?.ParentReadEnergy ?? 0, m?.ParentWriteEnergy ?? 0), machine.Ledger);
    });

    /// <summary>Instance <paramref name="instance"/> of the SRAM buffer at <paramref name="level"/>.</summary>
    public SramBuffer Buffer(int level, int instance) => Get(level, instance, static (machine, level, instance) =>
    {
        var spec = machine.Level(level);
        var m = spec.Memory ?? throw new InvalidOperationException($"level '{spec.Name}' is not a memory");
        var p = new BufferParameters(spec.Name, m.CapacityBytes, m.WidthBytes, (int)Math.Max(1, m.Ports), m.ParentReadBandwidth, m.ParentWriteBandwidth, m.ChildReadBandwidth, m.ChildWriteBandwidth, m.LinkReadBandwidth, m.LinkWriteBandwidth, m.ParentChildPortsShared, m.ParentReadEnergy, m.ParentWriteEnergy, m.ChildReadEnergy, m.ChildWriteEnergy);
        return new SramBuffer(machine._sim, p, machine.Ledger, instance);
    });

    /// <summary>Instance <paramref name="instance"/> of the GEMM engine at <paramref name="level"/>.</summary>
    public GemmEngine Gemm(int level, int instance) => Get<GemmEngine>(level, instance, static (machine, level, instance) =>
    {
        var spec = machine.Level(level);
        var c = spec.Compute ?? throw new InvalidOperationException($"level '{spec.Name}' is not a compute level");
        return c.Model switch
        {
            ComputeModel.SystolicArray => new SystolicArray(machine._sim, new SystolicArrayParameters(spec.Name, c.ArrayRows, c.ArrayCols, Math.Max(1, c.ArraysPerRow), Math.Max(1, c.ArraysPerCol)), machine.Ledger, instance),
            ComputeModel.Gemm => new MacArray(machine._sim, new MacArrayParameters(spec.Name, 512, c.ComputeLatency, c.StartupLatency, c.ComputeEnergyPj), machine.Ledger, instance),
            ComputeModel.IntMac => new MacArray(machine._sim, new MacArrayParameters(spec.Name, 1, c.ComputeLatency, 0, c.ComputeEnergyPj), machine.Ledger, instance),
            _ => new MacArray(machine._sim, new MacArrayParameters(spec.Name, 0, c.ComputeLatency, 0, c.ComputeEnergyPj), machine.Ledger, instance),
        };
    });

    /// <summary>Instance <paramref name="instance"/> of the SIMD unit at <paramref name="level"/>.</summary>
    public SimdUnit Simd(int level, int instance) => Get(level, instance, static (machine, level, instance) =>
    {
        var spec = machine.Level(level);
        var lanes = Math.Max(1, spec.Compute?.ComputeWidth ?? 8);
        return new SimdUnit(machine._sim, new SimdParameters(spec.Name, lanes), machine.Ledger, instance);
    });

    /// <summary>True when the compute level is a SIMD unit.</summary>
    public bool IsSimd(int level) => Level(level).Compute?.Model == ComputeModel.Vsimd;

    /// <summary>The trace identity of instance <paramref name="instance"/> of <paramref name="level"/>.</summary>
    public ComponentRef RefOf(int level, int instance) => new(Level(level).Name, instance);

    /// <summary>The network from <paramref name="target"/> to its child <paramref name="child"/> (the link network when they are the same level).</summary>
    public NetworkSpec? Network(int target, int child) => Architecture.NetworkBetween(target, child);

    /// <summary>Bandwidth of the router port between <paramref name="target"/> and <paramref name="child"/> (0: unlimited).</summary>
    public long NetworkPortBandwidth(int target, int child) => Network(target, child)?.PortBandwidth ?? 0;

    /// <summary>The operand port of a compute instance towards the memory <paramref name="peer"/> (in: operands; out: results).</summary>
    public PortPool OperandPort(int level, int instance, int peer, bool outbound)
    {
        var key = (level, instance, peer, outbound);
        if (!_operandPorts.TryGetValue(key, out var pool))
        {
            var bw = Math.Max(1, NetworkPortBandwidth(peer, level));
            var direction = (outbound ? "out:" : "in:") + Level(peer).Name;
            pool = new PortPool(_sim, RefOf(level, instance), direction, 1, bw);
            _operandPorts[key] = pool;
        }

        return pool;
    }

    /// <summary>The mesh from instance <paramref name="targetInstance"/> of <paramref name="target"/> into its <paramref name="child"/> instances, or null when there is none.</summary>
    public MeshNoc? ChildMesh(int target, int targetInstance, int child)
    {
        var key = (target, targetInstance, child);
        if (!_childMeshes.TryGetValue(key, out var mesh))
        {
            var net = Network(target, child);
            mesh = net is { HasMesh: true, Kind: NetworkKind.Mesh } && net.MeshX * net.MeshY > 1
                ? new MeshNoc(_sim, MeshParams(net, $"{Level(child).Name}.noc", Level(child).Name), Ledger, targetInstance, targetInstance * (int)Level(child).Instances)
                : null;
            _childMeshes[key] = mesh;
        }

        return mesh;
    }

    /// <summary>The link mesh joining the instances of <paramref name="level"/> in group <paramref name="groupBase"/>, or null.</summary>
    public MeshNoc? LinkMesh(int level, int groupBase)
    {
        var key = (level, groupBase);
        if (!_linkMeshes.TryGetValue(key, out var mesh))
        {
            var spec = Level(level);
            var net = spec.LinkNetwork;
            var nodes = (int)Math.Max(1, spec.Instances);
            mesh = net is { Kind: NetworkKind.Mesh } && spec.MeshX * spec.MeshY > 1
                ? new MeshNoc(_sim, MeshParams(net with { MeshX = spec.MeshX, MeshY = spec.MeshY }, $"{spec.Name}.link", spec.Name), Ledger, groupBase / nodes, groupBase)
                : null;
            _linkMeshes[key] = mesh;
        }

        return mesh;
    }

    /// <summary>The first instance of the SIMD level below instance <paramref name="instance"/> of <paramref name="level"/>, or null.</summary>
    public SimdUnit? SimdBelow(int level, int instance)
    {
        foreach (var candidate in Architecture.Levels)
        {
            if (candidate.Compute?.Model == ComputeModel.Vsimd && IsBelow(candidate.Id, level))
            {
                var perInstance = Math.Max(1, InstanceCount(candidate.Id) / InstanceCount(level));
                return Simd(candidate.Id, instance * perInstance);
            }
        }

        return null;
    }

    private bool IsBelow(int level, int ancestor)
    {
        var pending = new Stack<int>(Level(level).ParentIds);
        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            var p = pending.Pop();
            if (p == ancestor)
            {
                return true;
            }

            if (seen.Add(p))
            {
                foreach (var q in Level(p).ParentIds)
                {
                    pending.Push(q);
                }
            }
        }

        return false;
    }

    private MeshParameters MeshParams(NetworkSpec net, string name, string nodeName) => new(
        name,
        nodeName,
        (int)Math.Max(1, net.MeshX),
        (int)Math.Max(1, net.MeshY),
        net.HopLatency,
        Math.Max(1, net.ChannelWidth),
        net.QueuingDelay,
        net.PortBandwidth,
        net.BroadcastSupport,
        net.ReductionSupport,
        net.ReductionLatency,
        RouterEnergy: _nocEnergy,
        Switching: _switching,
        PacketBytes: net.PacketBytes);

    // The factories are static lambdas (no captures), so looking a component up allocates nothing.
    private T Get<T>(int level, int instance, Func<Machine, int, int, T> create)
        where T : class
    {
        // A row per level indexed by instance: the lookup every tile move makes is two array reads.
        if ((uint)level < (uint)_rows.Length && _rows[level] is { } row && (uint)instance < (uint)row.Length && row[instance] is T known)
        {
            return known;
        }

        if (!_components.TryGetValue((level, instance), out var c))
        {
            c = create(this, level, instance);
            _components[(level, instance)] = c;
            if ((uint)level < (uint)_rows.Length && instance >= 0 && instance < RowLimit)
            {
                var r = _rows[level] ??= new object?[Math.Min(RowLimit, Math.Max(instance + 1, InstanceCount(level)))];
                if (instance < r.Length)
                {
                    r[instance] = c;
                }
            }
        }

        return (T)c;
    }

    // Levels with more instances than this keep the rest in the dictionary only (a row per level stays small).
    private const int RowLimit = 1 << 16;

}
