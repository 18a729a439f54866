using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>Loads const.yaml (a flat <c>const:</c> map).</summary>
public static class ConstantsLoader
{
    /// <summary>Reads and parses a const.yaml file.</summary>
    public static ConstantTable Load(string path) => Parse(YamlFile.Load(path));

    /// <summary>Parses const.yaml text.</summary>
    public static ConstantTable Parse(string text, string fileName = "const.yaml") => Parse(YamlFile.Parse(text, fileName));

    /// <summary>Parses an already-read const.yaml document.</summary>
    public static ConstantTable Parse(YamlFile file)
    {
        var node = YamlFile.Find(file.Root, "const");
        if (node is null)
        {
            throw file.Error(file.Root, "const", "missing required key 'const'");
        }

        if (node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return ConstantTable.Empty;
        }

        var map = file.AsMapping(node, "const");
        var values = new Dictionary<string, ConstantValue>();
        foreach (var pair in map.Children)
        {
            var key = file.AsString(pair.Key, "const");
            var text = file.AsString(pair.Value, $"const.{key}");
            values[key] = new ConstantValue(text.Trim(), pair.Value.Start.Line, pair.Value.Start.Column);
        }

        return new ConstantTable(values);
    }
}
