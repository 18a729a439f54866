using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comet.Fuzzing;

/// <summary>The places of a YAML text a mutation can hit: every key/value pair and every scalar value.</summary>
public sealed class YamlTargets
{
    private YamlTargets(IReadOnlyList<YamlPairTarget> pairs, IReadOnlyList<YamlScalarTarget> scalars)
    {
        Pairs = pairs;
        Scalars = scalars;
    }

    /// <summary>Every key/value pair, in document order.</summary>
    public IReadOnlyList<YamlPairTarget> Pairs { get; }

    /// <summary>Every scalar value (not keys), in document order.</summary>
    public IReadOnlyList<YamlScalarTarget> Scalars { get; }

    /// <summary>Parses <paramref name="text"/> and collects its targets; null when it is not valid YAML.</summary>
    public static YamlTargets? Collect(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return null;
        }

        var pairs = new List<YamlPairTarget>();
        var scalars = new List<YamlScalarTarget>();
        foreach (var document in stream.Documents)
        {
            Walk(document.RootNode, string.Empty, inFlow: false, text.Length, pairs, scalars);
        }

        return new YamlTargets(pairs, scalars);
    }

    private static void Walk(YamlNode node, string path, bool inFlow, int length, List<YamlPairTarget> pairs, List<YamlScalarTarget> scalars)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var flowMap = inFlow || map.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    var keyPlain = key is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };
                    pairs.Add(new YamlPairTarget(childPath, name, Index(key.Start, length), Math.Max(Index(value.End, length), Index(key.End, length)), key.Start.Line, key.Start.Column, flowMap, keyPlain));
                    Walk(value, childPath, flowMap, length, pairs, scalars);
                }

                break;
            case YamlSequenceNode sequence:
                var flowSeq = inFlow || sequence.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", flowSeq, length, pairs, scalars);
                }

                break;
            case YamlScalarNode scalar:
                var start = Index(scalar.Start, length);
                var end = Index(scalar.End, length);
                if (end > start)
                {
                    scalars.Add(new YamlScalarTarget(path, start, end, scalar.Start.Line, scalar.Start.Column));
                }

                break;
        }
    }

    private static int Index(Mark mark, int length) => (int)Math.Clamp(mark.Index, 0, length);
}
