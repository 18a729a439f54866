using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Specs;
using Comet.Sim;

namespace Comet.Hardware.Machines;

/// <summary>The simulated hardware built from an architecture spec: components created on first use, one per level instance.</summary>
/// <remarks>Each memory level is one kind of <see cref="IMemory"/> (the root memory a <see cref="Components.Dram"/>, the others <see cref="SramBuffer"/>s, a compute level its engines' operand ports), so whoever moves a tile asks for the memory and never for its kind.</remarks>
public sealed class Machine
{
    private readonly Simulation _sim;
    private readonly bool _nocEnergy;
    private readonly bool[] _isDram;
    private readonly ComponentTable<IMemory> _memories;
    private readonly ComponentTable<GemmEngine> _gemms;
    private readonly ComponentTable<SimdUnit> _simds;
    private readonly MeshSwitching _switching;
    private readonly TransferMode _transfers;
    private readonly Dictionary<(int Target, int Mesh, int Child), MeshNoc?> _childMeshes = [];
    private readonly Dictionary<(int Level, int Mesh), MeshNoc?> _linkMeshes = [];
    private readonly Dictionary<(int Target, long PacketBytes), TransferStaging> _staging = [];

    /// <summary>Creates an empty machine for <paramref name="architecture"/> (its meshes price hops with the router model when <paramref name="nocEnergy"/>, switch as <paramref name="switching"/> says, and take their parents' attachments as <paramref name="transfers"/> moves need them); components appear when first used.</summary>
    public Machine(Simulation sim, ArchitectureSpec architecture, bool nocEnergy = false, MeshSwitching switching = MeshSwitching.CutThrough, TransferMode transfers = TransferMode.Pipelined)
    {
        _sim = sim;
        _nocEnergy = nocEnergy;
        _switching = switching;
        _transfers = transfers;
        Architecture = architecture;
        Ledger = new EnergyLedger();
        var levels = architecture.Levels.Count;
        _isDram = [.. architecture.Levels.Select(IsDram)];
        _memories = new ComponentTable<IMemory>(levels, InstanceCount);
        _gemms = new ComponentTable<GemmEngine>(levels, InstanceCount);
        _simds = new ComponentTable<SimdUnit>(levels, InstanceCount);
    }

    /// <summary>The architecture simulated.</summary>
    public ArchitectureSpec Architecture { get; }

    /// <summary>Energy accounts of every component.</summary>
    public EnergyLedger Ledger { get; }

    /// <summary>Every memory created so far (DRAMs, buffers, engines' operand ports), by level then instance.</summary>
    public IEnumerable<IMemory> Memories => _memories.All;

    /// <summary>Every port pool created so far (buffers, DRAM channels, engine operand ports).</summary>
    public IEnumerable<PortPool> PortPools => Memories.SelectMany(m => m.Pools);

    /// <summary>The level with id <paramref name="level"/>.</summary>
    public HierarchyLevelSpec Level(int level) => Architecture.Levels[level];

    /// <summary>Instances of <paramref name="level"/> in the whole machine.</summary>
    public int InstanceCount(int level) => (int)Math.Max(1, Architecture.TotalNodes(level));

    /// <summary>True for a compute level.</summary>
    public bool IsCompute(int level) => Level(level).IsCompute;

    /// <summary>Instance <paramref name="instance"/> of the memory at <paramref name="level"/>: the DRAM (one, whatever the instance), an SRAM buffer, or an engine's operand ports.</summary>
    public IMemory Memory(int level, int instance) => _isDram[level]
        ? Dram(level)
        : _memories.Get(level, instance, this, static (machine, level, instance) => machine.IsCompute(level)
            ? (IMemory)new EngineOperandPorts(machine._sim, machine.RefOf(level, instance))
            : machine.CreateBuffer(level, instance));

    /// <summary>The DRAM of level <paramref name="level"/>.</summary>
    public Dram Dram(int level) => (Dram)_memories.Get(level, 0, this, static (machine, level, _) => machine.CreateDram(level));

    /// <summary>Instance <paramref name="instance"/> of the SRAM buffer at <paramref name="level"/>.</summary>
    public SramBuffer Buffer(int level, int instance) => (SramBuffer)Memory(level, instance);

    /// <summary>Instance <paramref name="instance"/> of the GEMM engine at <paramref name="level"/>.</summary>
    public GemmEngine Gemm(int level, int instance) => _gemms.Get(level, instance, this, static (machine, level, instance) =>
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
    public SimdUnit Simd(int level, int instance) => _simds.Get(level, instance, this, static (machine, level, instance) =>
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

    /// <summary>The mesh from instance <paramref name="targetInstance"/> of <paramref name="target"/> into its <paramref name="child"/> instances, or null when there is none.</summary>
    public MeshNoc? ChildMesh(int target, int targetInstance, int child)
    {
        var key = (target, targetInstance, child);
        if (!_childMeshes.TryGetValue(key, out var mesh))
        {
            var net = Network(target, child);
            mesh = net is { HasMesh: true, Kind: NetworkKind.Mesh } && net.MeshX * net.MeshY > 1
                ? new MeshNoc(_sim, MeshParams(net, $"{Level(child).Name}.noc", Level(child).Name) with { Attachments = Attachments(target, net) }, Ledger, targetInstance, targetInstance * (int)Level(child).Instances)
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

    /// <summary>Chunk and staging depth of a pipelined move from <paramref name="target"/> to its children over <paramref name="mesh"/>: the mesh's <c>packet_bytes</c>, or the target memory's <c>dma_chunk_bytes</c> without a mesh; its <c>dma_staging_chunks</c>.</summary>
    public TransferStaging Staging(int target, MeshNoc? mesh)
    {
        var key = (target, mesh?.Parameters.PacketBytes ?? 0);
        if (!_staging.TryGetValue(key, out var staging))
        {
            var dma = Level(target).Memory?.Dma ?? DmaSpec.Default;
            staging = new TransferStaging(mesh?.Parameters.PacketBytes ?? dma.ChunkBytes, dma.StagingChunks);
            _staging.Add(key, staging);
        }

        return staging;
    }

    /// <summary>The first instance of the SIMD level below instance <paramref name="instance"/> of <paramref name="level"/>, or null.</summary>
    public SimdUnit? SimdBelow(int level, int instance)
    {
        if (!_simdLevelsBelow.TryGetValue(level, out var below))
        {
            below = FindSimdBelow(level);
            _simdLevelsBelow.Add(level, below);
        }

        return below is var (simdLevel, perInstance) ? Simd(simdLevel, instance * perInstance) : null;
    }

    // The first vector-SIMD level below a level and its instances per instance of that level (null: none), per level.
    private readonly Dictionary<int, (int Level, int PerInstance)?> _simdLevelsBelow = [];

    private (int Level, int PerInstance)? FindSimdBelow(int level)
    {
        foreach (var candidate in Architecture.Levels)
        {
            if (candidate.Compute?.Model == ComputeModel.Vsimd && IsBelow(candidate.Id, level))
            {
                return (candidate.Id, Math.Max(1, InstanceCount(candidate.Id) / InstanceCount(level)));
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

    /// <summary>Where the parent <paramref name="target"/> attaches to the mesh <paramref name="net"/>: the spec's <c>attach</c>, else one router per network port of its memory (<see cref="MeshAttachments.Default"/>); serial transfers, COMET's picture, keep the corner unless <c>attach</c> says otherwise.</summary>
    private IReadOnlyList<MeshNode> Attachments(int target, NetworkSpec net) =>
        net.Attach ?? (_transfers == TransferMode.Serial
            ? MeshAttachments.Corner
            : MeshAttachments.Default(Level(target).Memory?.Ports ?? 1, (int)Math.Max(1, net.MeshX), (int)Math.Max(1, net.MeshY)));

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

    // The root memory, or a memory level named DRAM, is the DRAM; every other memory level is an SRAM buffer.
    private static bool IsDram(HierarchyLevelSpec spec) =>
        !spec.IsCompute && (spec.IsRoot || spec.Name.Equals("DRAM", StringComparison.OrdinalIgnoreCase));

    private Dram CreateDram(int level)
    {
        var spec = Level(level);
        var m = spec.Memory;
        var bw = Math.Max(1, Math.Max(m?.ChildReadBandwidth ?? 1, m?.ChildWriteBandwidth ?? 1));
        var dram = m?.Dram ?? DramSpec.Default;

        // The DRAM is always the target of a move, so COMET prices its side with its parent_* energies.
        var parameters = new DramParameters(spec.Name, new DramChannelParameters(bw, dram.AccessLatencyCycles), dram.Channels, dram.InterleaveBytes, Math.Max(1, m?.WidthBytes ?? 1), m?.ParentReadEnergy ?? 0, m?.ParentWriteEnergy ?? 0);
        return new Dram(_sim, parameters, Ledger);
    }

    private SramBuffer CreateBuffer(int level, int instance)
    {
        var spec = Level(level);
        var m = spec.Memory ?? throw new InvalidOperationException($"level '{spec.Name}' is not a memory");
        var p = new BufferParameters(spec.Name, m.CapacityBytes, m.WidthBytes, (int)Math.Max(1, m.Ports), m.ParentReadBandwidth, m.ParentWriteBandwidth, m.ChildReadBandwidth, m.ChildWriteBandwidth, m.LinkReadBandwidth, m.LinkWriteBandwidth, m.ParentChildPortsShared, m.ParentReadEnergy, m.ParentWriteEnergy, m.ChildReadEnergy, m.ChildWriteEnergy);
        return new SramBuffer(_sim, p, Ledger, instance);
    }
}
