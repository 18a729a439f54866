using Comet.Hardware.Inputs;
using Comet.Workloads.Collectives;

namespace Comet.Workloads.Inputs;

/// <summary>Parses a <c>CollectiveOperation</c> node of mapping.yaml: its type, levels, tensors and reduction.</summary>
internal static class CollectiveNodeParser
{
    /// <summary>The keys a collective node may have.</summary>
    public static readonly string[] Keys =
    [
        "node_type", "tag", "target", "type", "reduction_op", "dimension", "src", "dest", "in_tensor", "out_tensor", "precision",
        "wb_output", "spatial_factor", "child", "subtree", "algorithm",
    ];

    /// <summary>Parses the node at <paramref name="path"/> (number <paramref name="index"/>, under <paramref name="parentIndex"/>) with its already-parsed <paramref name="children"/>.</summary>
    public static CollectiveOperationNode Parse(MappingParseContext ctx, YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
    {
        ctx.File.CheckKeys(map, path, Keys);
        var typeNode = ctx.File.Require(map, "type", path);
        var typeText = ctx.File.AsString(typeNode, path + ".type");
        var kind = typeText switch
        {
            "broadcast" => CollectiveKind.Broadcast,
            "reduction" => CollectiveKind.Reduction,
            "allgather" => CollectiveKind.AllGather,
            "allreduce" => CollectiveKind.AllReduce,
            "scatter" => CollectiveKind.Scatter,
            "gather" => CollectiveKind.Gather,
            "reduce_scatter" => CollectiveKind.ReduceScatter,
            _ => throw ctx.File.Error(typeNode, path + ".type", $"unknown collective type '{typeText}'",
                NameHints.DidYouMean(typeText, ["broadcast", "reduction", "allgather", "allreduce", "scatter", "gather", "reduce_scatter"])),
        };
        var targetNode = ctx.File.Require(map, "target", path);
        var target = ctx.Level(targetNode, ctx.File.AsString(targetNode, path + ".target"), path + ".target");
        var childNode = ctx.File.Require(map, "child", path);
        var child = ctx.Level(childNode, ctx.File.AsString(childNode, path + ".child"), path + ".child");
        if (child.Id != target.Id)
        {
            throw ctx.File.Error(childNode, path + ".child", $"a collective runs between instances of one level: child '{child.Name}' must equal target '{target.Name}'");
        }

        if (target.IsCompute)
        {
            throw ctx.File.Error(targetNode, path + ".target", $"'{target.Name}' is a compute level; collectives run between memory instances");
        }

        if (target.LinkNetwork is null)
        {
            throw ctx.File.Error(targetNode, path + ".target", $"level '{target.Name}' has no link network for collectives",
                "set 'link_transfers: true' in its arch.yaml attributes");
        }

        var algorithm = Algorithm(ctx, map, path, kind, target.LinkNetwork);
        var reduction = OperationKind.None;
        if (YamlFile.Find(map, "reduction_op") is { } redNode)
        {
            var red = ctx.File.AsString(redNode, path + ".reduction_op").ToLowerInvariant();
            reduction = red switch
            {
                "max" => OperationKind.Max,
                "add" or "sub" => OperationKind.Add,
                "mult" => OperationKind.Mult,
                _ => throw ctx.File.Error(redNode, path + ".reduction_op", $"unknown reduction operator '{red}'", NameHints.DidYouMean(red, ["max", "add", "sub", "mult"])),
            };
        }

        var dimNode = ctx.File.Require(map, "dimension", path);
        var dimension = ctx.Dimension(dimNode, ctx.File.AsString(dimNode, path + ".dimension"), path + ".dimension");
        var sources = ctx.StringList(map, "src", path).Select((s, i) => ctx.Level(s.Node, s.Text, $"{path}.src[{i}]").Id).ToList();
        var dests = ctx.StringList(map, "dest", path).Select((s, i) => ctx.Level(s.Node, s.Text, $"{path}.dest[{i}]").Id).ToList();
        var inNode = ctx.File.Require(map, "in_tensor", path);
        var outNode = ctx.File.Require(map, "out_tensor", path);
        var precision = YamlFile.Find(map, "precision") is { } pn ? ctx.Values.Integer(ctx.File.AsString(pn, path + ".precision"), pn, path + ".precision") : 1;
        if (precision > 255)
        {
            throw ctx.File.Error(YamlFile.Find(map, "precision"), path + ".precision", $"precision {precision} bits exceeds the tool's 8-bit field");
        }

        var spatial = YamlFile.Find(map, "spatial_factor") is { } sf ? ctx.Values.Integer(ctx.File.AsString(sf, path + ".spatial_factor"), sf, path + ".spatial_factor", allowZero: true) : 0;
        var wb = ctx.File.AsBool(ctx.File.Require(map, "wb_output", path), path + ".wb_output");
        var tagNode = YamlFile.Find(map, "tag");
        return new CollectiveOperationNode
        {
            Index = index, ParentIndex = parentIndex, Name = $"CollectiveOpNode::{index}", KeyPath = path,
            Line = map.Start.Line, Column = map.Start.Column, Children = children,
            Kind = kind,
            Tag = tagNode is null ? string.Empty : ctx.File.AsString(tagNode, path + ".tag"),
            TargetLevelId = target.Id,
            ChildLevelId = child.Id,
            ReductionOperator = reduction,
            DimensionId = dimension,
            SourceLevelIds = sources,
            DestinationLevelIds = dests,
            InputTensorId = ctx.Tensor(inNode, ctx.File.AsString(inNode, path + ".in_tensor"), path + ".in_tensor"),
            OutputTensorId = ctx.Tensor(outNode, ctx.File.AsString(outNode, path + ".out_tensor"), path + ".out_tensor"),
            PrecisionBits = (int)precision,
            WritesBack = wb,
            SpatialFactor = spatial,
            Algorithm = algorithm,
        };
    }

    /// <summary>The optional <c>algorithm:</c> key (a Comet extension): one of the algorithms that run <paramref name="kind"/>, or auto.</summary>
    private static CollectiveAlgorithmChoice Algorithm(MappingParseContext ctx, YamlMappingNode map, string path, CollectiveKind kind, Hardware.Specs.NetworkSpec network)
    {
        if (YamlFile.Find(map, "algorithm") is not { } node)
        {
            return CollectiveAlgorithmChoice.Auto;
        }

        var key = path + ".algorithm";
        var text = ctx.File.AsString(node, key);
        var allowed = CollectiveAlgorithmNames.For(kind).Prepend(CollectiveAlgorithmChoice.Auto).Select(CollectiveAlgorithmNames.Name).ToList();
        if (CollectiveAlgorithmNames.Parse(text) is not { } choice || !allowed.Contains(CollectiveAlgorithmNames.Name(choice)))
        {
            throw ctx.File.Error(node, key, $"unknown algorithm '{text}' for collective type '{CollectiveTypeName(kind)}' (one of {string.Join(", ", allowed)})", NameHints.DidYouMean(text, allowed));
        }

        if (choice == CollectiveAlgorithmChoice.Multicast && !network.BroadcastSupport)
        {
            throw ctx.File.Error(node, key, "multicast needs a link network with broadcast_support: true", "use binomial");
        }

        if (choice == CollectiveAlgorithmChoice.InNetwork && !network.ReductionSupport)
        {
            throw ctx.File.Error(node, key, "in_network needs a link network with reduction_support: true", "use tree");
        }

        return choice;
    }

    private static string CollectiveTypeName(CollectiveKind kind) => kind switch
    {
        CollectiveKind.AllReduce => "allreduce",
        CollectiveKind.AllGather => "allgather",
        CollectiveKind.ReduceScatter => "reduce_scatter",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
