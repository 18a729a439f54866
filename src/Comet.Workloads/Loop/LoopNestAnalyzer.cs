using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>
/// Builds the loop nest of a mapping (strides and iteration counts per tensor entry, post-order) and the tiles moved
/// at every step (pre-order), exactly as the reference tool does. Pure: no timing, no energy.
/// </summary>
public static class LoopNestAnalyzer
{
    /// <summary>Analyzes a parsed, validated mapping.</summary>
    public static LoopNestAnalysis Analyze(ArchitectureSpec arch, Problem problem, Mapping mapping)
    {
        var nest = new LoopNestBuilder(arch, problem, mapping);
        nest.BuildNest(mapping.Root);
        var moves = new TileMoveBuilder(problem, mapping, nest.Drafts);
        moves.BuildMoves(mapping.Root);
        var tiles = new LoopNestNode?[mapping.Nodes.Count];
        for (var i = 0; i < tiles.Length; i++)
        {
            if (nest.Drafts[i] is { } d && mapping.Nodes[i] is DataMovementTileNode node)
            {
                var entries = d.Select(x => x.Entry with { Iterations = x.Iterations }).ToArray();
                tiles[i] = new LoopNestNode(node, entries, moves.Moves[i]!, moves.SameTarget[i]);
            }
        }

        return new LoopNestAnalysis(tiles, nest.Collectives);
    }

    /// <summary>Elements of a tile whose extent per dimension is given: product over ranks of the summed extents.</summary>
    public static long ProjectedElements(TensorProjection projection, Func<int, long> extent)
    {
        long elements = 1;
        foreach (var rank in projection.Ranks)
        {
            long sum = 0;
            foreach (var d in rank)
            {
                sum += extent(d);
            }

            elements *= sum;
        }

        return elements;
    }

    /// <summary>Moves the loop cursor one step, innermost position first, like an odometer; false when every position wrapped (the walk is over).</summary>
    internal static bool Advance(long[] cursor, long[] strideAt, long[] endAt)
    {
        for (var i = 0; i < cursor.Length; i++)
        {
            cursor[i] += strideAt[i];
            if (cursor[i] < endAt[i])
            {
                return true;
            }

            cursor[i] = 0;
        }

        return false;
    }

    /// <summary>The projection of <paramref name="tensor"/> in operation <paramref name="tag"/>, or a positioned error at <paramref name="at"/>.</summary>
    internal static TensorProjection ProjectionFor(Problem problem, int tensor, string tag, MappingNode at)
    {
        return problem.ProjectionFor(tensor, tag)
            ?? throw new InputException("mapping.yaml", at.KeyPath, $"tensor '{problem.TensorNames[tensor]}' has no projection in any operation", at.Line, at.Column);
    }
}
