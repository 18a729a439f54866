using YamlDotNet.RepresentationModel;
using Library = YamlDotNet.RepresentationModel;

namespace Comet.Hardware.Inputs;

/// <summary>Reads any YAML with YamlDotNet's parser and representation model and copies its first document into our node tree: the path for what <see cref="BlockYamlScanner"/> leaves alone.</summary>
internal static class YamlDotNetReader
{
    /// <summary>The root of the first document of <paramref name="text"/>, or null when there is none.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not valid YAML.</exception>
    /// <exception cref="InvalidOperationException">YamlDotNet's scanner stopped without a position (some unclosed flow collections).</exception>
    public static YamlNode? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Copy(stream.Documents[0].RootNode, new Dictionary<Library.YamlNode, YamlNode>(ReferenceEqualityComparer.Instance));
    }

    // An aliased node is copied once and shared, as YamlDotNet shares it (an alias may even point into its own anchor's node).
    private static YamlNode Copy(Library.YamlNode node, Dictionary<Library.YamlNode, YamlNode> copies)
    {
        if (copies.TryGetValue(node, out var done))
        {
            return done;
        }

        var start = new YamlMark(node.Start.Line, node.Start.Column);
        switch (node)
        {
            case Library.YamlScalarNode scalar:
                var copy = new YamlScalarNode(start, scalar.Value ?? string.Empty);
                copies[node] = copy;
                return copy;
            case Library.YamlSequenceNode sequence:
                var items = new YamlNode[sequence.Children.Count];
                var list = new YamlSequenceNode(start, items);
                copies[node] = list;
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Copy(sequence.Children[i], copies);
                }

                return list;
            case Library.YamlMappingNode mapping:
                var pairs = new KeyValuePair<YamlNode, YamlNode>[mapping.Children.Count];
                var map = new YamlMappingNode(start, pairs);
                copies[node] = map;
                var at = 0;
                foreach (var pair in mapping.Children)
                {
                    pairs[at++] = new(Copy(pair.Key, copies), Copy(pair.Value, copies));
                }

                return map;
            default:
                // YamlDotNet resolves every alias while it loads a document, so only these three kinds reach here.
                throw new NotSupportedException($"YAML node kind {node.NodeType} at {node.Start}");
        }
    }
}
