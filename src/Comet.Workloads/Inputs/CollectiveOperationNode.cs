namespace Comet.Workloads.Inputs;

/// <summary>A <c>CollectiveOperation</c> between the instances of one memory level.</summary>
public sealed record CollectiveOperationNode : MappingNode
{
    /// <summary>The collective type.</summary>
    public required CollectiveKind Kind { get; init; }

    /// <summary>The tag matched against the parent's tensor entries.</summary>
    public required string Tag { get; init; }

    /// <summary>The level whose instances communicate.</summary>
    public required int TargetLevelId { get; init; }

    /// <summary>The <c>child</c> level (the same as the target).</summary>
    public required int ChildLevelId { get; init; }

    /// <summary>The reduction operator (reduction and all-reduce only).</summary>
    public required OperationKind ReductionOperator { get; init; }

    /// <summary>The gathered or scattered dimension.</summary>
    public required int DimensionId { get; init; }

    /// <summary>Source levels; the device count is the product of their instances.</summary>
    public required IReadOnlyList<int> SourceLevelIds { get; init; }

    /// <summary>Destination levels.</summary>
    public required IReadOnlyList<int> DestinationLevelIds { get; init; }

    /// <summary>The input tensor.</summary>
    public required int InputTensorId { get; init; }

    /// <summary>The algorithm the <c>algorithm:</c> key asks for (a Comet extension; auto when absent).</summary>
    public Collectives.CollectiveAlgorithmChoice Algorithm { get; init; }

    /// <summary>The output tensor.</summary>
    public required int OutputTensorId { get; init; }

    /// <summary>Bits per element (1 when absent, as in the tool).</summary>
    public required int PrecisionBits { get; init; }

    /// <summary>Whether the result size replaces the tag's stride for the parent.</summary>
    public required bool WritesBack { get; init; }

    /// <summary>The <c>spatial_factor</c> (0 = the number of source devices).</summary>
    public required long SpatialFactor { get; init; }
}
