using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Inputs;

/// <summary>Loads mapping.yaml into a <see cref="Mapping"/> tree, resolving constants, tensors, dimensions and levels.</summary>
public static class MappingLoader
{
    private static readonly string[] NodeTypes = ["DataMovement_Tile", "Operation", "CollectiveOperation", "inter_tile_binding"];

    /// <summary>Reads and parses a mapping.yaml file against an architecture, a problem and constants.</summary>
    public static Mapping Load(string path, ArchitectureSpec arch, Problem problem, ConstantTable constants)
        => Parse(YamlFile.Load(path), arch, problem, constants);

    /// <summary>Parses mapping.yaml text.</summary>
    public static Mapping Parse(string text, ArchitectureSpec arch, Problem problem, ConstantTable constants, string fileName = "mapping.yaml")
        => Parse(YamlFile.Parse(text, fileName), arch, problem, constants);

    /// <summary>Parses an already-read mapping.yaml document.</summary>
    public static Mapping Parse(YamlFile file, ArchitectureSpec arch, Problem problem, ConstantTable constants)
        => Parse(file, arch, problem, constants, null);

    /// <summary>Parses an already-read mapping.yaml document, taking every node <paramref name="cache"/> holds for these constants from it (and keeping the others there); the cache must only ever see this document, architecture and problem.</summary>
    public static Mapping Parse(YamlFile file, ArchitectureSpec arch, Problem problem, ConstantTable constants, MappingNodeCache? cache)
    {
        var rootNode = YamlFile.Find(file.Root, "mapping");
        if (rootNode is null || rootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            throw file.Error(rootNode ?? file.Root, "mapping", "the mapping is empty");
        }

        var parser = new Parser(new MappingParseContext(new ValueResolver(file, constants), arch, problem), cache);
        var root = parser.ParseNode(rootNode, "mapping", -1);
        if (root is not DataMovementTileNode tile)
        {
            throw file.Error(rootNode, "mapping.node_type", "the root of the mapping must be a DataMovement_Tile");
        }

        return new Mapping(tile, parser.Nodes.ToList()!);
    }

    private sealed class Parser(MappingParseContext ctx, MappingNodeCache? cache)
    {
        private readonly YamlFile file = ctx.File;

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

            if (cache?.Find(index, ctx.Values.Constants, children) is { } known)
            {
                Nodes[index] = known;
                return known;
            }

            var consulted = cache is null ? null : new List<string>();
            ctx.Values.Consulted = consulted;
            MappingNode result = type switch
            {
                "datamovement_tile" => TileNodeParser.Parse(ctx, map, path, index, parentIndex, children),
                "operation" => OperationNodeParser.Parse(ctx, map, path, index, parentIndex, children),
                "collectiveoperation" => CollectiveNodeParser.Parse(ctx, map, path, index, parentIndex, children),
                "inter_tile_binding" => ParseBinding(map, path, index, parentIndex, children),
                _ => throw file.Error(typeNode, path + ".node_type", $"unknown node type '{type}'", NameHints.DidYouMean(type, NodeTypes)),
            };
            ctx.Values.Consulted = null;
            if (consulted is not null)
            {
                cache!.Keep(result, consulted, ctx.Values.Constants);
            }

            Nodes[index] = result;
            return result;
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
}
