using System.Collections.Concurrent;
using System.Text;

namespace Comet.Workloads.Inputs;

/// <summary>
/// Parsed mapping nodes of one mapping.yaml document, kept per node and per value of the constants the node itself names,
/// so that re-binding the document to many constant tables (a search) parses each distinct node once; thread-safe.
/// </summary>
/// <remarks>
/// A node's own fields are a pure function of its YAML (fixed), the architecture and problem (fixed for the cache's
/// user) and the constants its parse consults, so a node parsed before with the same consulted values is the same node;
/// only its children (parsed first, and possibly different) are put back. The names a node consults are read off its
/// first parse: they come from the YAML text, not from the values.
/// </remarks>
public sealed class MappingNodeCache
{
    /// <summary>Distinct constant values kept per node; past this a node is parsed every time (bounded memory).</summary>
    private const int MaxEntriesPerNode = 8192;

    private readonly ConcurrentDictionary<int, string[]> consulted = new();
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, MappingNode>> nodes = new();

    /// <summary>The node at pre-order <paramref name="index"/> parsed before with the values <paramref name="constants"/> gives its consulted names, with <paramref name="children"/> put in; null when there is none.</summary>
    internal MappingNode? Find(int index, ConstantTable constants, IReadOnlyList<MappingNode> children)
    {
        if (!consulted.TryGetValue(index, out var names) || !nodes.TryGetValue(index, out var byValues)
            || !byValues.TryGetValue(Key(names, constants), out var node))
        {
            return null;
        }

        return node with { Children = children };
    }

    /// <summary>Keeps node <paramref name="node"/>, parsed while consulting the constants <paramref name="names"/> (in order) of <paramref name="constants"/>.</summary>
    internal void Keep(MappingNode node, IReadOnlyList<string> names, ConstantTable constants)
    {
        var kept = consulted.GetOrAdd(node.Index, _ => [.. names]);
        var byValues = nodes.GetOrAdd(node.Index, _ => new ConcurrentDictionary<string, MappingNode>(StringComparer.Ordinal));
        if (byValues.Count < MaxEntriesPerNode)
        {
            byValues.TryAdd(Key(kept, constants), node);
        }
    }

    // The consulted names' values, a missing name marked apart from any value ("\u0001"), joined by a separator no YAML scalar here holds.
    private static string Key(string[] names, ConstantTable constants)
    {
        var key = new StringBuilder();
        foreach (var name in names)
        {
            key.Append(constants.TryGet(name, out var value) ? value.Text : "\u0001").Append('\u001f');
        }

        return key.ToString();
    }
}
