using System.Text.RegularExpressions;
using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Inputs;

/// <summary>Loads mapping.yaml into a <see cref="Mapping"/> tree, resolving constants, tensors, dimensions and levels.</summary>
public static partial class MappingLoader
{
    private static readonly string[] TileKeys =
        ["node_type", "target", "type", "tensors", "precision", "rmw", "factors", "permutation", "wb_output", "tag", "child", "subtree"];

    private static readonly string[] OperationKeys =
        ["node_type", "type", "tensors", "TilePrimitive", "TileSteps", "Scale", "name", "compute_attributes", "subtree"];

    private static readonly string[] CollectiveKeys =
    [
        "node_type", "tag", "target", "type", "reduction_op", "dimension", "src", "dest", "in_tensor", "out_tensor", "precision",
        "wb_output", "spatial_factor", "child", "subtree",
    ];

    private static readonly string[] NodeTypes = ["DataMovement_Tile", "Operation", "CollectiveOperation", "inter_tile_binding"];

    /// <summary>Reads and parses a mapping.yaml file against an architecture, a problem and constants.</summary>
    public static Mapping Load(string path, ArchitectureSpec arch, Problem problem, ConstantTable constants)
        => Parse(YamlFile.Load(path), arch, problem, constants);

    /// <summary>Parses mapping.yaml text.</summary>
    public static Mapping Parse(string text, ArchitectureSpec arch, Problem problem, ConstantTable constants, string fileName = "mapping.yaml")
        => Parse(YamlFile.Parse(text, fileName), arch, problem, constants);

    /// <summary>Parses an already-read mapping.yaml document.</summary>
    public static Mapping Parse(YamlFile file, ArchitectureSpec arch, Problem problem, ConstantTable constants)
    {
        var rootNode = YamlFile.Find(file.Root, "mapping");
        if (rootNode is null || rootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            throw file.Error(rootNode ?? file.Root, "mapping", "the mapping is empty");
        }

        var parser = new Parser(new ValueResolver(file, constants), arch, problem);
        var root = parser.ParseNode(rootNode, "mapping", -1);
        if (root is not DataMovementTileNode tile)
        {
            throw file.Error(rootNode, "mapping.node_type", "the root of the mapping must be a DataMovement_Tile");
        }

        return new Mapping(tile, parser.Nodes.ToList()!);
    }

    private sealed class Parser(ValueResolver values, ArchitectureSpec arch, Problem problem)
    {
        private readonly YamlFile file = values.File;

        public List<MappingNode?> Nodes { get; } = new();

        public MappingNode ParseNode(YamlNode node, string path, int parentIndex)
        {
            var map = file.AsMapping(node, path);
            var typeNode = file.Require(map, "node_type", path);
            var type = file.AsString(typeNode, path + ".node_type").ToLowerInvariant();
            var index = Nodes.Count;
            Nodes.Add(null);
            var children = new List<MappingNode>();
            if (YamlFile.Find(map, "subtree") is { } subtree)
            {
                var items = YamlFile.Items(subtree);
                for (var i = 0; i < items.Count; i++)
                {
                    var childPath = subtree is YamlSequenceNode ? $"{path}.subtree[{i}]" : $"{path}.subtree";
                    children.Add(ParseNode(items[i], childPath, index));
                }
            }

            MappingNode result = type switch
            {
                "datamovement_tile" => ParseTile(map, path, index, parentIndex, children),
                "operation" => ParseOperation(map, path, index, parentIndex, children),
                "collectiveoperation" => ParseCollective(map, path, index, parentIndex, children),
                "inter_tile_binding" => ParseBinding(map, path, index, parentIndex, children),
                _ => throw file.Error(typeNode, path + ".node_type", $"unknown node type '{type}'", NameHints.DidYouMean(type, NodeTypes)),
            };
            Nodes[index] = result;
            return result;
        }

        private int Tensor(YamlNode at, string name, string path)
        {
            var id = problem.TensorId(name);
            return id >= 0 ? id : throw file.Error(at, path, $"unknown tensor '{name}'", NameHints.DidYouMean(name, problem.TensorNames));
        }

        private int Dimension(YamlNode at, string name, string path)
        {
            var id = problem.DimensionId(name);
            return id >= 0 ? id : throw file.Error(at, path, $"unknown dimension '{name}'", NameHints.DidYouMean(name, problem.DimensionNames));
        }

        private HierarchyLevelSpec Level(YamlNode at, string name, string path)
            => arch.FindLevel(name) ?? throw file.Error(at, path, $"unknown level '{name}'", NameHints.DidYouMean(name, arch.Levels.Select(l => l.Name)));

        private List<(string Text, YamlNode Node)> StringList(YamlMappingNode map, string key, string path)
        {
            var node = file.Require(map, key, path);
            return YamlFile.Items(node).Select(n => (file.AsString(n, $"{path}.{key}"), n)).ToList();
        }

        private DataMovementTileNode ParseTile(YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
        {
            file.CheckKeys(map, path, TileKeys);
            var typeText = file.AsString(file.Require(map, "type", path), path + ".type");
            var tensors = StringList(map, "tensors", path);
            var count = tensors.Count;
            if (count == 0)
            {
                throw file.Error(map, path + ".tensors", "no tensors are listed");
            }

            IReadOnlyList<YamlNode>? Items(string key)
            {
                if (YamlFile.Find(map, key) is not { } node)
                {
                    return null;
                }

                var items = YamlFile.Items(node);
                return items.Count == count ? items : throw file.Error(node, $"{path}.{key}", $"has {items.Count} entries but {count} tensors are listed");
            }

            List<T> PerTensor<T>(string key, T fallback, Func<YamlNode, string, T> parse)
            {
                if (Items(key) is not { } items)
                {
                    return Enumerable.Repeat(fallback, count).ToList();
                }

                return items.Select((n, i) => parse(n, $"{path}.{key}[{i}]")).ToList();
            }

            var targets = Items("target");
            var childs = Items("child");
            if (targets is null)
            {
                throw file.Error(map, path, "missing required key 'target'");
            }

            if (childs is null)
            {
                throw file.Error(map, path, "missing required key 'child'");
            }

            var tags = PerTensor("tag", "None", (n, p) => file.AsString(n, p));
            var precisions = PerTensor("precision", 1L, (n, p) => values.Integer(file.AsString(n, p), n, p));
            var rmws = PerTensor("rmw", false, (n, p) => file.AsBool(n, p));
            var wbs = PerTensor("wb_output", false, (n, p) => file.AsBool(n, p));
            var permutation = ParsePermutation(map, path);
            var factorNode = file.Require(map, "factors", path);
            var factorLines = YamlFile.Items(factorNode);
            var isSpatial = typeText != "temporal";
            if (factorLines.Count == 0 || (isSpatial && factorLines.Count > 2))
            {
                throw file.Error(factorNode, path + ".factors", isSpatial ? "a spatial tile takes one or two factor lines (X, then Y)" : "no factor line is given");
            }

            var lines = new List<Dictionary<int, long[]>>();
            for (var l = 0; l < factorLines.Count; l++)
            {
                var lpath = factorLines.Count == 1 && factorNode is not YamlSequenceNode ? $"{path}.factors" : $"{path}.factors[{l}]";
                lines.Add(ParseFactorLine(factorLines[l], lpath, count, permutation));
            }

            var entries = new List<TileEntry>();
            for (var t = 0; t < count; t++)
            {
                var tensorId = Tensor(tensors[t].Node, tensors[t].Text, $"{path}.tensors[{t}]");
                var targetPath = $"{path}.target[{t}]";
                var target = Level(targets[t], file.AsString(targets[t], targetPath), targetPath);
                var childPath = $"{path}.child[{t}]";
                var childName = file.AsString(childs[t], childPath);
                var child = Level(childs[t], childName, childPath);
                if (child.Id != target.Id && !target.ChildIds.Contains(child.Id))
                {
                    throw file.Error(childs[t], childPath, $"level '{child.Name}' is not a child of '{target.Name}'",
                        NameHints.DidYouMean(childName, target.ChildIds.Select(i => arch.Levels[i].Name)));
                }

                if (precisions[t] > 255)
                {
                    throw file.Error(YamlFile.Find(map, "precision"), $"{path}.precision[{t}]", $"precision {precisions[t]} bits exceeds the tool's 8-bit field");
                }

                var perLine = lines.Select(line => (IReadOnlyDictionary<int, long>)permutation.ToDictionary(d => d, d => line[d][t])).ToList();
                entries.Add(new TileEntry(tensorId, tags[t], target.Id, child.Id, (int)precisions[t], rmws[t], wbs[t], perLine));
            }

            return new DataMovementTileNode
            {
                Index = index, ParentIndex = parentIndex, Name = $"DataMovementTileNode::{index}", KeyPath = path,
                Line = map.Start.Line, Column = map.Start.Column, Children = children,
                IsSpatial = isSpatial, Entries = entries, Permutation = permutation,
            };
        }

        private List<int> ParsePermutation(YamlMappingNode map, string path)
        {
            var node = file.Require(map, "permutation", path);
            var text = values.Text(file.AsString(node, path + ".permutation"));
            var dims = new List<int>();
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                var id = Dimension(node, c.ToString(), path + ".permutation");
                if (dims.Contains(id))
                {
                    throw file.Error(node, path + ".permutation", $"dimension '{c}' appears twice");
                }

                dims.Add(id);
            }

            if (dims.Count == 0)
            {
                throw file.Error(node, path + ".permutation", "the permutation is empty");
            }

            return dims;
        }

        private Dictionary<int, long[]> ParseFactorLine(YamlNode node, string path, int count, List<int> permutation)
        {
            var text = file.AsString(node, path);
            var result = new Dictionary<int, long[]>();
            foreach (Match m in FactorPattern().Matches(text))
            {
                var dimName = m.Groups[1].Value;
                var dim = Dimension(node, dimName, path);
                var parts = m.Groups[2].Value.Split(',');
                if (parts.Length != count)
                {
                    throw file.Error(node, path, $"{dimName} has {parts.Length} factors but {count} tensors are listed");
                }

                var factorPath = $"{path}: {dimName}";
                var factors = new long[parts.Length];
                for (var t = 0; t < parts.Length; t++)
                {
                    factors[t] = values.Integer(WithoutWhiteSpace(parts[t]), node, factorPath);
                }

                result[dim] = factors;
            }

            if (result.Count != permutation.Count)
            {
                throw file.Error(node, path, $"gives {result.Count} dimensions but the permutation has {permutation.Count}");
            }

            foreach (var d in permutation)
            {
                if (!result.ContainsKey(d))
                {
                    throw file.Error(node, path, $"no factors for dimension {problem.DimensionNames[d]} of the permutation");
                }
            }

            return result;
        }

        private OperationNode ParseOperation(YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
        {
            file.CheckKeys(map, path, OperationKeys);
            if (children.Count > 0)
            {
                throw file.Error(map, path + ".subtree", "an Operation is a leaf and cannot have a subtree");
            }

            var typeNode = file.Require(map, "type", path);
            var typeText = file.AsString(typeNode, path + ".type").ToLowerInvariant();
            var kind = typeText switch
            {
                "gemm" => OperationKind.Gemm,
                "convolution" => OperationKind.Convolution,
                "softmax" => OperationKind.Softmax,
                "max" => OperationKind.Max,
                "exp" => OperationKind.Exp,
                "div" => OperationKind.Div,
                "add" => OperationKind.Add,
                "mult" => OperationKind.Mult,
                "sqrt" => OperationKind.Sqrt,
                "rowsum" => OperationKind.RowSum,
                "rowmax" => OperationKind.RowMax,
                _ => throw file.Error(typeNode, path + ".type", $"unknown operation type '{typeText}'",
                    NameHints.DidYouMean(typeText, ["gemm", "convolution", "softmax", "max", "exp", "div", "add", "mult", "sqrt", "rowsum", "rowmax"])),
            };
            var nameNode = file.Require(map, "name", path);
            var name = file.AsString(nameNode, path + ".name");
            var op = problem.FindOperation(name)
                ?? throw file.Error(nameNode, path + ".name", $"unknown operation '{name}'", NameHints.DidYouMean(name, problem.Operations.Select(o => o.Name)));
            var tensors = StringList(map, "tensors", path).Select((t, i) => Tensor(t.Node, t.Text, $"{path}.tensors[{i}]")).ToList();
            var tpNode = file.Require(map, "TilePrimitive", path);
            var tilePrimitive = ParseDimensionString(tpNode, path + ".TilePrimitive");
            var stepsMap = file.AsMapping(file.Require(map, "TileSteps", path), path + ".TileSteps");
            var steps = new Dictionary<int, IReadOnlyDictionary<int, long>>();
            foreach (var tensor in tensors)
            {
                var tname = problem.TensorNames[tensor];
                var stepNode = YamlFile.Find(stepsMap, tname)
                    ?? throw file.Error(stepsMap, path + ".TileSteps", $"no tile step for tensor '{tname}'");
                steps[tensor] = ParseDimensionString(stepNode, $"{path}.TileSteps.{tname}").ToDictionary(d => d.DimensionId, d => d.Value);
            }

            var attributes = ComputeAttributes.None;
            if (YamlFile.Find(map, "compute_attributes") is { } attrNode)
            {
                var apath = path + ".compute_attributes";
                var attrs = file.AsMapping(attrNode, apath);
                var specd = file.AsBool(file.Require(attrs, "specd", apath), apath + ".specd");
                var rmw = file.AsBool(file.Require(attrs, "rmw", apath), apath + ".rmw");
                var dimItems = YamlFile.Items(file.Require(attrs, "reduction_dimensions", apath));
                var facItems = YamlFile.Items(file.Require(attrs, "reduction_factors", apath));
                if (dimItems.Count != facItems.Count)
                {
                    throw file.Error(attrs, apath, $"{dimItems.Count} reduction dimensions but {facItems.Count} reduction factors");
                }

                var dims = new List<int>();
                var factors = new Dictionary<int, long>();
                for (var i = 0; i < dimItems.Count; i++)
                {
                    var raw = file.AsString(dimItems[i], $"{apath}.reduction_dimensions[{i}]").Trim();
                    var dimName = raw.Length != 1 ? values.Text(raw) : raw;
                    var dim = Dimension(dimItems[i], dimName, $"{apath}.reduction_dimensions[{i}]");
                    dims.Add(dim);
                    factors[dim] = values.Integer(file.AsString(facItems[i], $"{apath}.reduction_factors[{i}]"), facItems[i], $"{apath}.reduction_factors[{i}]");
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
        private List<DimensionValue> ParseDimensionString(YamlNode node, string path)
        {
            var text = file.AsString(node, path);
            var order = new List<int>();
            var value = new Dictionary<int, long>();
            foreach (Match m in DimensionTermPattern().Matches(text))
            {
                var dim = Dimension(node, m.Groups[1].Value, path);
                var v = values.Integer(m.Groups[2].Value, node, $"{path}: {m.Groups[1].Value}");
                if (!value.ContainsKey(dim))
                {
                    order.Add(dim);
                }

                value[dim] = v;
            }

            if (order.Count == 0)
            {
                throw file.Error(node, path, $"expected terms like 'M=4 N=8', found '{text}'");
            }

            order.Reverse();
            return order.Select(d => new DimensionValue(d, value[d])).ToList();
        }

        private CollectiveOperationNode ParseCollective(YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
        {
            file.CheckKeys(map, path, CollectiveKeys);
            var typeNode = file.Require(map, "type", path);
            var typeText = file.AsString(typeNode, path + ".type");
            var kind = typeText switch
            {
                "broadcast" => CollectiveKind.Broadcast,
                "reduction" => CollectiveKind.Reduction,
                "allgather" => CollectiveKind.AllGather,
                "allreduce" => CollectiveKind.AllReduce,
                "scatter" => CollectiveKind.Scatter,
                "gather" => CollectiveKind.Gather,
                "reduce_scatter" => CollectiveKind.ReduceScatter,
                _ => throw file.Error(typeNode, path + ".type", $"unknown collective type '{typeText}'",
                    NameHints.DidYouMean(typeText, ["broadcast", "reduction", "allgather", "allreduce", "scatter", "gather", "reduce_scatter"])),
            };
            var targetNode = file.Require(map, "target", path);
            var target = Level(targetNode, file.AsString(targetNode, path + ".target"), path + ".target");
            var childNode = file.Require(map, "child", path);
            var child = Level(childNode, file.AsString(childNode, path + ".child"), path + ".child");
            if (child.Id != target.Id)
            {
                throw file.Error(childNode, path + ".child", $"a collective runs between instances of one level: child '{child.Name}' must equal target '{target.Name}'");
            }

            if (target.IsCompute)
            {
                throw file.Error(targetNode, path + ".target", $"'{target.Name}' is a compute level; collectives run between memory instances");
            }

            if (target.LinkNetwork is null)
            {
                throw file.Error(targetNode, path + ".target", $"level '{target.Name}' has no link network for collectives",
                    "set 'link_transfers: true' in its arch.yaml attributes");
            }

            var reduction = OperationKind.None;
            if (YamlFile.Find(map, "reduction_op") is { } redNode)
            {
                var red = file.AsString(redNode, path + ".reduction_op").ToLowerInvariant();
                reduction = red switch
                {
                    "max" => OperationKind.Max,
                    "add" or "sub" => OperationKind.Add,
                    "mult" => OperationKind.Mult,
                    _ => throw file.Error(redNode, path + ".reduction_op", $"unknown reduction operator '{red}'", NameHints.DidYouMean(red, ["max", "add", "sub", "mult"])),
                };
            }

            var dimNode = file.Require(map, "dimension", path);
            var dimension = Dimension(dimNode, file.AsString(dimNode, path + ".dimension"), path + ".dimension");
            var sources = StringList(map, "src", path).Select((s, i) => Level(s.Node, s.Text, $"{path}.src[{i}]").Id).ToList();
            var dests = StringList(map, "dest", path).Select((s, i) => Level(s.Node, s.Text, $"{path}.dest[{i}]").Id).ToList();
            var inNode = file.Require(map, "in_tensor", path);
            var outNode = file.Require(map, "out_tensor", path);
            var precision = YamlFile.Find(map, "precision") is { } pn ? values.Integer(file.AsString(pn, path + ".precision"), pn, path + ".precision") : 1;
            if (precision > 255)
            {
                throw file.Error(YamlFile.Find(map, "precision"), path + ".precision", $"precision {precision} bits exceeds the tool's 8-bit field");
            }

            var spatial = YamlFile.Find(map, "spatial_factor") is { } sf ? values.Integer(file.AsString(sf, path + ".spatial_factor"), sf, path + ".spatial_factor", allowZero: true) : 0;
            var wb = file.AsBool(file.Require(map, "wb_output", path), path + ".wb_output");
            var tagNode = YamlFile.Find(map, "tag");
            return new CollectiveOperationNode
            {
                Index = index, ParentIndex = parentIndex, Name = $"CollectiveOpNode::{index}", KeyPath = path,
                Line = map.Start.Line, Column = map.Start.Column, Children = children,
                Kind = kind,
                Tag = tagNode is null ? string.Empty : file.AsString(tagNode, path + ".tag"),
                TargetLevelId = target.Id,
                ChildLevelId = child.Id,
                ReductionOperator = reduction,
                DimensionId = dimension,
                SourceLevelIds = sources,
                DestinationLevelIds = dests,
                InputTensorId = Tensor(inNode, file.AsString(inNode, path + ".in_tensor"), path + ".in_tensor"),
                OutputTensorId = Tensor(outNode, file.AsString(outNode, path + ".out_tensor"), path + ".out_tensor"),
                PrecisionBits = (int)precision,
                WritesBack = wb,
                SpatialFactor = spatial,
            };
        }

        private InterTileBindingNode ParseBinding(YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
        {
            var node = file.Require(map, "binding", path);
            var text = file.AsString(node, path + ".binding").ToLowerInvariant();
            var kind = text.Contains("seq", StringComparison.Ordinal) ? BindingKind.Sequential
                : text.Contains("para", StringComparison.Ordinal) ? BindingKind.Parallel
                : text.Contains("pipe", StringComparison.Ordinal) ? BindingKind.Pipeline
                : text.Contains("shar", StringComparison.Ordinal) ? BindingKind.Sharing
                : throw file.Error(node, path + ".binding", $"unknown binding '{text}'", NameHints.DidYouMean(text, ["sequential", "parallel", "pipeline", "sharing"]));
            return new InterTileBindingNode
            {
                Index = index, ParentIndex = parentIndex, Name = $"InterTileBinding::{index}::{kind}", KeyPath = path,
                Line = map.Start.Line, Column = map.Start.Column, Children = children, Kind = kind,
            };
        }
    }

    // The text with its white space removed (factor lists may be written "[1, 2]").
    private static string WithoutWhiteSpace(string text)
    {
        var span = text.AsSpan();
        var kept = 0;
        foreach (var c in span)
        {
            kept += char.IsWhiteSpace(c) ? 0 : 1;
        }

        if (kept == text.Length)
        {
            return text;
        }

        return string.Create(kept, text, static (chars, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    chars[at++] = c;
                }
            }
        });
    }

    [GeneratedRegex(@"\s*([A-Z]+)\s*=\s*\[([^\]]+)\]")]
    private static partial Regex FactorPattern();

    [GeneratedRegex(@"(.)=([^ ]*)")]
    private static partial Regex DimensionTermPattern();
}
