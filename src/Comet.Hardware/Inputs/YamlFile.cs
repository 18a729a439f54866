using System.Globalization;
using System.Security.Cryptography;
using YamlDotNet.Core;

namespace Comet.Hardware.Inputs;

/// <summary>One parsed YAML input file with position-aware accessors that raise <see cref="InputException"/>.</summary>
public sealed class YamlFile
{
    private YamlFile(string fileName, YamlMappingNode root, string? sha256 = null)
    {
        FileName = fileName;
        Root = root;
        Sha256 = sha256;
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The top-level mapping of the document.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>The key-path slot of every syntax error, so the line reads <c>file:line:col: YAML syntax: what</c>.</summary>
    public const string SyntaxKey = "YAML syntax";

    /// <summary>Lower-case hex SHA-256 of the file's bytes when it was read with <see cref="Load"/> (null for parsed text).</summary>
    public string? Sha256 { get; }

    /// <summary>Reads and parses a YAML file; missing, unreadable, malformed or empty files raise <see cref="InputException"/>.</summary>
    public static YamlFile Load(string path)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (Directory.Exists(path))
        {
            throw new InputException(name, string.Empty, "is a folder, not a file");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new InputException(name, string.Empty, $"file not found ({path})");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException(name, string.Empty, $"file not found ({path})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(name, string.Empty, $"cannot read file: {e.Message}");
        }

        return FromBytes(bytes, name);
    }

    /// <summary>Decodes and parses the bytes of a YAML file and keeps their hash; <paramref name="fileName"/> names the source in error messages.</summary>
    public static YamlFile FromBytes(byte[] bytes, string fileName)
    {
        // The file is read once: the hash reported beside the results is of the very bytes that were parsed.
        var parsed = Parse(YamlText.Decode(bytes, fileName), fileName);
        return new YamlFile(parsed.FileName, parsed.Root, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Parses YAML text; <paramref name="fileName"/> names the source in error messages.</summary>
    public static YamlFile Parse(string text, string fileName) => Parse(text, fileName, scanFirst: true);

    // scanFirst: false reads everything with YamlDotNet, which the tests hold the scanner against.
    internal static YamlFile Parse(string text, string fileName, bool scanFirst)
    {
        YamlText.RejectControlCharacters(text, fileName);
        YamlNode? node;
        try
        {
            node = (scanFirst ? BlockYamlScanner.TryScan(text) : null) ?? YamlDotNetReader.Read(text);
        }
        catch (YamlException e)
        {
            throw new InputException(fileName, SyntaxKey, YamlText.Describe(e), e.Start.Line, e.Start.Column, inner: e);
        }
        catch (InvalidOperationException e)
        {
            // The scanner gives up without a position on some unclosed flow collections; the last event it read marks where.
            var at = YamlText.LastReadablePosition(text);
            throw new InputException(fileName, SyntaxKey, "the text after this point cannot be read as YAML (look for an unclosed '[', '{' or quote)", at.Line, at.Column, inner: e);
        }

        if (node is not YamlMappingNode root)
        {
            var problem = node is null ? "the file is empty" : $"expected a mapping of keys (such as 'name: value') at the top, found {Describe(node)}";
            throw new InputException(fileName, node is null ? string.Empty : SyntaxKey, problem, node?.Start.Line ?? 0, node?.Start.Column ?? 0);
        }

        return new YamlFile(fileName, root);
    }

    /// <summary>Builds an input error positioned at <paramref name="node"/>.</summary>
    public InputException Error(YamlNode? node, string keyPath, string problem, string? hint = null)
        => new(FileName, keyPath, problem, node?.Start.Line ?? 0, node?.Start.Column ?? 0, hint);

    /// <summary>Builds an input warning positioned at <paramref name="node"/>.</summary>
    public InputWarning Warning(YamlNode? node, string keyPath, string problem, string? hint = null)
        => new(FileName, keyPath, problem, node?.Start.Line ?? 0, node?.Start.Column ?? 0, hint);

    /// <summary>Returns the value under <paramref name="key"/>, or null when absent.</summary>
    public static YamlNode? Find(YamlMappingNode map, string key)
    {
        var pairs = map.Children;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Key is YamlScalarNode k && k.Value == key)
            {
                return pairs[i].Value;
            }
        }

        return null;
    }

    /// <summary>Returns the key node for <paramref name="key"/> (for positions), or null when absent.</summary>
    public static YamlNode? FindKey(YamlMappingNode map, string key)
    {
        var pairs = map.Children;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Key is YamlScalarNode k && k.Value == key)
            {
                return pairs[i].Key;
            }
        }

        return null;
    }

    /// <summary>Returns the value under <paramref name="key"/> or raises a "missing key" error.</summary>
    public YamlNode Require(YamlMappingNode map, string key, string path)
        => Find(map, key) ?? throw Error(map, path, $"missing required key '{key}'");

    /// <summary>Requires <paramref name="node"/> to be a mapping.</summary>
    public YamlMappingNode AsMapping(YamlNode node, string path)
        => node as YamlMappingNode ?? throw Error(node, path, $"expected a mapping, found {Describe(node)}");

    /// <summary>Requires <paramref name="node"/> to be a sequence.</summary>
    public YamlSequenceNode AsSequence(YamlNode node, string path)
        => node as YamlSequenceNode ?? throw Error(node, path, $"expected a list, found {Describe(node)}");

    /// <summary>Requires <paramref name="node"/> to be a scalar and returns its text.</summary>
    public string AsString(YamlNode node, string path)
        => node is YamlScalarNode s ? s.Value : throw Error(node, path, $"expected a scalar, found {Describe(node)}");

    /// <summary>Returns the items of a list, or the node itself as a one-item list when it is a scalar or mapping.</summary>
    public static IReadOnlyList<YamlNode> Items(YamlNode node)
        => node is YamlSequenceNode seq ? seq.Children : [node];

    /// <summary>Parses a boolean scalar the way YAML 1.1 does (true/false/yes/no/on/off, any case).</summary>
    public bool AsBool(YamlNode node, string path)
    {
        var text = AsString(node, path).Trim();
        switch (text.ToLowerInvariant())
        {
            case "true": case "yes": case "y": case "on": return true;
            case "false": case "no": case "n": case "off": return false;
            default: throw Error(node, path, $"expected true or false, found '{text}'");
        }
    }

    /// <summary>Parses a non-negative integer scalar, rejecting overflow past 64 bits.</summary>
    public long AsInt64(YamlNode node, string path)
    {
        var text = AsString(node, path).Trim();
        return ParseInt64(text) ?? throw Error(node, path, IntegerProblem(text));
    }

    /// <summary>Parses a number (integer or decimal) scalar.</summary>
    public double AsDouble(YamlNode node, string path)
    {
        var text = AsString(node, path).Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw Error(node, path, $"expected a number, found '{text}'");
    }

    /// <summary>Parses an integer; null when the text is not an integer or overflows 64 bits.</summary>
    public static long? ParseInt64(string text)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 9.2e18 && d == Math.Floor(d))
        {
            return (long)d;
        }

        return null;
    }

    /// <summary>Describes why <paramref name="text"/> is not a valid integer.</summary>
    public static string IntegerProblem(string text)
        => text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit)
            ? $"value {text} overflows 64 bits"
            : $"expected an integer, found '{text}'";

    /// <summary>Describes a node's kind for error messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unknown node",
    };

    /// <summary>Raises an error for keys that look like misspellings of known keys (other extra keys are ignored, as the tool does).</summary>
    public void CheckKeys(YamlMappingNode map, string path, IReadOnlyCollection<string> known)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is not YamlScalarNode k || k.Value is null || known.Contains(k.Value))
            {
                continue;
            }

            if (known.Any(n => string.Equals(n, k.Value, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // the tool silently ignores case variants such as 'computewidth'
            }

            var nearest = NameHints.Nearest(k.Value, known, 2);
            if (nearest is not null)
            {
                throw Error(k, Join(path, k.Value), $"unknown key '{k.Value}'", $"did you mean '{nearest}'?");
            }
        }
    }

    /// <summary>Joins a key path and a key.</summary>
    public static string Join(string path, string key) => string.IsNullOrEmpty(path) ? key : $"{path}.{key}";
}
