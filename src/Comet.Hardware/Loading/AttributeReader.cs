using Comet.Hardware.Inputs;

namespace Comet.Hardware.Loading;

/// <summary>Reads one typed attribute of an arch.yaml mapping, with a default when absent and a positioned error when out of range.</summary>
internal static class AttributeReader
{
    /// <summary>The positive integer at <paramref name="key"/>, <paramref name="fallback"/> when absent (required when null).</summary>
    public static long PositiveInt(YamlFile file, YamlMappingNode map, string key, string path, long? fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback ?? throw file.Error(map, path, $"missing required key '{key}'");
        }

        var value = file.AsInt64(node, $"{path}.{key}");
        if (value <= 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must be positive, found {value}");
        }

        return value;
    }

    /// <summary>The non-negative integer at <paramref name="key"/>, <paramref name="fallback"/> when absent.</summary>
    public static long NonNegativeInt(YamlFile file, YamlMappingNode map, string key, string path, long fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback;
        }

        var value = file.AsInt64(node, $"{path}.{key}");
        if (value < 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must not be negative, found {value}");
        }

        return value;
    }

    /// <summary>The non-negative number at <paramref name="key"/>, <paramref name="fallback"/> when absent.</summary>
    public static double NonNegativeDouble(YamlFile file, YamlMappingNode map, string key, string path, double fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback;
        }

        var value = file.AsDouble(node, $"{path}.{key}");
        if (value < 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must not be negative, found {value}");
        }

        return value;
    }

    /// <summary>The boolean at <paramref name="key"/>, <paramref name="fallback"/> when absent.</summary>
    public static bool Bool(YamlFile file, YamlMappingNode map, string key, string path, bool fallback)
    {
        var node = YamlFile.Find(map, key);
        return node is null ? fallback : file.AsBool(node, $"{path}.{key}");
    }

    /// <summary>The positive integer of one list item at <paramref name="node"/>.</summary>
    public static long PositiveItem(YamlFile file, YamlNode node, string path)
    {
        var v = file.AsInt64(node, path);
        return v > 0 ? v : throw file.Error(node, path, $"must be positive, found {v}");
    }
}
