using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>One access-count record of a node (a target, child or compute access), the input of the energy estimate (§8).</summary>
public sealed record AccessRecord
{
    /// <summary>The level accessed.</summary>
    public required int LevelId { get; init; }

    /// <summary>Accesses of one steady-state pass (the energy pass keeps its own copies multiplied by the parent iteration count).</summary>
    public long AccessCount { get; init; }

    /// <summary>Elements per access.</summary>
    public long TileSize { get; init; }

    /// <summary>Bits per element.</summary>
    public int PrecisionBits { get; init; }

    /// <summary>Whether the tensor is read-write (drained; port 1).</summary>
    public bool ReadWrite { get; init; } = true;

    /// <summary>Whether the record is at the target (parent) side.</summary>
    public bool IsTarget { get; init; } = true;

    /// <summary>Whether the record is the compute record of a leaf.</summary>
    public bool IsCompute { get; init; }

    /// <summary>The tensor.</summary>
    public int TensorId { get; init; }

    /// <summary>Whether drains read first (doubles the energy).</summary>
    public bool ReadModifyWrite { get; init; }

    /// <summary>Distinct child tiles of the first step (1 when 0).</summary>
    public long ProjectedSpatialCount { get; init; }

    /// <summary>The entry's tag.</summary>
    public string Tag { get; init; } = string.Empty;

    /// <summary>The operation (compute records).</summary>
    public OperationKind Operation { get; init; } = OperationKind.Add;

    /// <summary>NoC energy of the transfers (child records).</summary>
    public double NocEnergy { get; init; }

    /// <summary>Energy per primitive of a systolic array (compute records).</summary>
    public float ComputeEnergy { get; init; }

    /// <summary>The record of one entry's transfer at its target (parent) level, or at its child level (which carries the NoC energy).</summary>
    public static AccessRecord OfTransfer(LoopEntry entry, PortCost cost, long projectedSpatialCount, bool atTarget) => new()
    {
        LevelId = atTarget ? entry.TargetLevelId : entry.ChildLevelId, AccessCount = cost.AccessCount, TileSize = cost.TileSize,
        PrecisionBits = entry.PrecisionBits, ReadWrite = entry.ReadWrite, IsTarget = atTarget, TensorId = entry.TensorId, Tag = entry.Tag,
        ReadModifyWrite = entry.ReadModifyWrite, ProjectedSpatialCount = projectedSpatialCount, NocEnergy = atTarget ? 0 : cost.NocEnergy,
    };
}
