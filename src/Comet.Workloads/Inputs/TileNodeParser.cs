using System.Text.RegularExpressions;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>Parses a <c>DataMovement_Tile</c> node of mapping.yaml: its entries, factors and permutation.</summary>
internal static partial class TileNodeParser
{
    /// <summary>The keys a tile node may have.</summary>
    public static readonly string[] Keys =
        ["node_type", "target", "type", "tensors", "precision", "rmw", "factors", "permutation", "wb_output", "tag", "child", "subtree"];

    /// <summary>Parses the node at <paramref name="path"/> (number <paramref name="index"/>, under <paramref name="parentIndex"/>) with its already-parsed <paramref name="children"/>.</summary>
    public static DataMovementTileNode Parse(MappingParseContext ctx, YamlMappingNode map, string path, int index, int parentIndex, List<MappingNode> children)
    {
        ctx.File.CheckKeys(map, path, Keys);
        var typeText = ctx.File.AsString(ctx.File.Require(map, "type", path), path + ".type");
        var tensors = ctx.StringList(map, "tensors", path);
        var count = tensors.Count;
        if (count == 0)
        {
            throw ctx.File.Error(map, path + ".tensors", "no tensors are listed");
        }

        IReadOnlyList<YamlNode>? Items(string key)
        {
            if (YamlFile.Find(map, key) is not { } node)
            {
                return null;
            }

            var items = YamlFile.Items(node);
            return items.Count == count ? items : throw ctx.File.Error(node, $"{path}.{key}", $"has {items.Count} entries but {count} tensors are listed");
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
            throw ctx.File.Error(map, path, "missing required key 'target'");
        }

        if (childs is null)
        {
            throw ctx.File.Error(map, path, "missing required key 'child'");
        }

        var tags = PerTensor("tag", "None", (n, p) => ctx.File.AsString(n, p));
        var precisions = PerTensor("precision", 1L, (n, p) => ctx.Values.Integer(ctx.File.AsString(n, p), n, p));
        var rmws = PerTensor("rmw", false, (n, p) => ctx.File.AsBool(n, p));
        var wbs = PerTensor("wb_output", false, (n, p) => ctx.File.AsBool(n, p));
        var permutation = ParsePermutation(ctx, map, path);
        var factorNode = ctx.File.Require(map, "factors", path);
        var factorLines = YamlFile.Items(factorNode);
        var isSpatial = typeText != "temporal";
        if (factorLines.Count == 0 || (isSpatial && factorLines.Count > 2))
        {
            throw ctx.File.Error(factorNode, path + ".factors", isSpatial ? "a spatial tile takes one or two factor lines (X, then Y)" : "no factor line is given");
        }

        var lines = new List<Dictionary<int, long[]>>();
        for (var l = 0; l < factorLines.Count; l++)
        {
            var lpath = factorLines.Count == 1 && factorNode is not YamlSequenceNode ? $"{path}.factors" : $"{path}.factors[{l}]";
            lines.Add(ParseFactorLine(ctx, factorLines[l], lpath, count, permutation));
        }

        var entries = new List<TileEntry>();
        for (var t = 0; t < count; t++)
        {
            var tensorId = ctx.Tensor(tensors[t].Node, tensors[t].Text, $"{path}.tensors[{t}]");
            var targetPath = $"{path}.target[{t}]";
            var target = ctx.Level(targets[t], ctx.File.AsString(targets[t], targetPath), targetPath);
            var childPath = $"{path}.child[{t}]";
            var childName = ctx.File.AsString(childs[t], childPath);
            var child = ctx.Level(childs[t], childName, childPath);
            if (child.Id != target.Id && !target.ChildIds.Contains(child.Id))
            {
                throw ctx.File.Error(childs[t], childPath, $"level '{child.Name}' is not a child of '{target.Name}'",
                    NameHints.DidYouMean(childName, target.ChildIds.Select(i => ctx.Arch.Levels[i].Name)));
            }

            if (precisions[t] > 255)
            {
                throw ctx.File.Error(YamlFile.Find(map, "precision"), $"{path}.precision[{t}]", $"precision {precisions[t]} bits exceeds the tool's 8-bit field");
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

    private static List<int> ParsePermutation(MappingParseContext ctx, YamlMappingNode map, string path)
    {
        var node = ctx.File.Require(map, "permutation", path);
        var text = ctx.Values.Text(ctx.File.AsString(node, path + ".permutation"));
        var dims = new List<int>();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var id = ctx.Dimension(node, c.ToString(), path + ".permutation");
            if (dims.Contains(id))
            {
                throw ctx.File.Error(node, path + ".permutation", $"dimension '{c}' appears twice");
            }

            dims.Add(id);
        }

        if (dims.Count == 0)
        {
            throw ctx.File.Error(node, path + ".permutation", "the permutation is empty");
        }

        return dims;
    }

    private static Dictionary<int, long[]> ParseFactorLine(MappingParseContext ctx, YamlNode node, string path, int count, List<int> permutation)
    {
        var text = ctx.File.AsString(node, path);
        var result = new Dictionary<int, long[]>();
        foreach (Match m in FactorPattern().Matches(text))
        {
            var dimName = m.Groups[1].Value;
            var dim = ctx.Dimension(node, dimName, path);
            var parts = m.Groups[2].Value.Split(',');
            if (parts.Length != count)
            {
                throw ctx.File.Error(node, path, $"{dimName} has {parts.Length} factors but {count} tensors are listed");
            }

            var factorPath = $"{path}: {dimName}";
            var factors = new long[parts.Length];
            for (var t = 0; t < parts.Length; t++)
            {
                factors[t] = ctx.Values.Integer(WithoutWhiteSpace(parts[t]), node, factorPath);
            }

            result[dim] = factors;
        }

        if (result.Count != permutation.Count)
        {
            throw ctx.File.Error(node, path, $"gives {result.Count} dimensions but the permutation has {permutation.Count}");
        }

        foreach (var d in permutation)
        {
            if (!result.ContainsKey(d))
            {
                throw ctx.File.Error(node, path, $"no factors for dimension {ctx.Problem.DimensionNames[d]} of the permutation");
            }
        }

        return result;
    }

    // The text with its white space removed (factor lists may be written "[1, 2]").
    private static string WithoutWhiteSpace(string text)
    {
        var kept = 0;
        foreach (var c in text)
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
}
