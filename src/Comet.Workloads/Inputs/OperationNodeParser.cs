using System.Text.RegularExpressions;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>Parses an <c>Operation</c> node of mapping.yaml: its tile primitive, tile steps, scales and compute attributes.</summary>
internal static partial class OperationNodeParser
{
    /// <summary>The keys an operation node may have.</summary>
    public static readonly string[] Keys =
        ["node_type", "type", "tensors", "TilePrimitive", "TileSteps", "Scale", "name", "compute_attributes", "subtree"];

    /// <summary>Parses the node at <paramref name="path"/> (number <paramref name="index"/>, under <paramref name="parentIndex"/>) with its already-parsed <paramref name="children"/>.</summary>
    public static OperationNode Parse(MappingParseContext ctx, YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
    {
        ctx.File.CheckKeys(map, path, Keys);
        if (children.Count > 0)
        {
            throw ctx.File.Error(map, path + ".subtree", "an Operation is a leaf and cannot have a subtree");
        }

        var typeNode = ctx.File.Require(map, "type", path);
        var typeText = ctx.File.AsString(typeNode, path + ".type").ToLowerInvariant();
        if (!OperationKinds.TryParse(typeText, out var kind))
        {
            throw ctx.File.Error(typeNode, path + ".type", $"unknown operation type '{typeText}'", NameHints.DidYouMean(typeText, OperationKinds.Names));
        }

        var nameNode = ctx.File.Require(map, "name", path);
        var name = ctx.File.AsString(nameNode, path + ".name");
        var op = ctx.Problem.FindOperation(name)
            ?? throw ctx.File.Error(nameNode, path + ".name", $"unknown operation '{name}'", NameHints.DidYouMean(name, ctx.Problem.Operations.Select(o => o.Name)));
        var tensors = ctx.StringList(map, "tensors", path).Select((t, i) => ctx.Tensor(t.Node, t.Text, $"{path}.tensors[{i}]")).ToList();
        var tpNode = ctx.File.Require(map, "TilePrimitive", path);
        var tilePrimitive = ParseDimensionString(ctx, tpNode, path + ".TilePrimitive");
        var stepsMap = ctx.File.AsMapping(ctx.File.Require(map, "TileSteps", path), path + ".TileSteps");
        var steps = new Dictionary<int, IReadOnlyDictionary<int, long>>();
        foreach (var tensor in tensors)
        {
            var tname = ctx.Problem.TensorNames[tensor];
            var stepNode = YamlFile.Find(stepsMap, tname)
                ?? throw ctx.File.Error(stepsMap, path + ".TileSteps", $"no tile step for tensor '{tname}'");
            steps[tensor] = ParseDimensionString(ctx, stepNode, $"{path}.TileSteps.{tname}").ToDictionary(d => d.DimensionId, d => d.Value);
        }

        var attributes = ComputeAttributes.None;
        if (YamlFile.Find(map, "compute_attributes") is { } attrNode)
        {
            var apath = path + ".compute_attributes";
            var attrs = ctx.File.AsMapping(attrNode, apath);
            var specd = ctx.File.AsBool(ctx.File.Require(attrs, "specd", apath), apath + ".specd");
            var rmw = ctx.File.AsBool(ctx.File.Require(attrs, "rmw", apath), apath + ".rmw");
            var dimItems = YamlFile.Items(ctx.File.Require(attrs, "reduction_dimensions", apath));
            var facItems = YamlFile.Items(ctx.File.Require(attrs, "reduction_factors", apath));
            if (dimItems.Count != facItems.Count)
            {
                throw ctx.File.Error(attrs, apath, $"{dimItems.Count} reduction dimensions but {facItems.Count} reduction factors");
            }

            var dims = new List<int>();
            var factors = new Dictionary<int, long>();
            for (var i = 0; i < dimItems.Count; i++)
            {
                var raw = ctx.File.AsString(dimItems[i], $"{apath}.reduction_dimensions[{i}]").Trim();
                var dimName = raw.Length != 1 ? ctx.Values.Text(raw) : raw;
                var dim = ctx.Dimension(dimItems[i], dimName, $"{apath}.reduction_dimensions[{i}]");
                dims.Add(dim);
                factors[dim] = ctx.Values.Integer(ctx.File.AsString(facItems[i], $"{apath}.reduction_factors[{i}]"), facItems[i], $"{apath}.reduction_factors[{i}]");
            }

            attributes = new ComputeAttributes(specd, rmw, dims, factors);
        }

        return new OperationNode
        {
            Index = index, ParentIndex = parentIndex, Name = $"OperationNode::{index}", KeyPath = path,
            Line = map.Start.Line, Column = map.Start.Column, Children = children,
            Kind = kind, OperationName = op.Name, Tensors = tensors, TilePrimitive = tilePrimitive, TileSteps = steps, Attributes = attributes,
        };
    }

    /// <summary>Parses <c>M=4 N=K_TP …</c>; the result is in the tool's hash-map order (reverse of first appearance).</summary>
    private static List<DimensionValue> ParseDimensionString(MappingParseContext ctx, YamlNode node, string path)
    {
        var text = ctx.File.AsString(node, path);
        var order = new List<int>();
        var value = new Dictionary<int, long>();
        foreach (Match m in DimensionTermPattern().Matches(text))
        {
            var dim = ctx.Dimension(node, m.Groups[1].Value, path);
            var v = ctx.Values.Integer(m.Groups[2].Value, node, $"{path}: {m.Groups[1].Value}");
            if (!value.ContainsKey(dim))
            {
                order.Add(dim);
            }

            value[dim] = v;
        }

        if (order.Count == 0)
        {
            throw ctx.File.Error(node, path, $"expected terms like 'M=4 N=8', found '{text}'");
        }

        order.Reverse();
        return order.Select(d => new DimensionValue(d, value[d])).ToList();
    }

    [GeneratedRegex(@"(.)=([^ ]*)")]
    private static partial Regex DimensionTermPattern();
}
