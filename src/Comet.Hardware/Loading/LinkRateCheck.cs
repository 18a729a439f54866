using Comet.Hardware.Inputs;
using static Comet.Hardware.Loading.AttributeReader;

namespace Comet.Hardware.Loading;

/// <summary>The arch.yaml check that a level's mesh links keep up with the ports that feed them.</summary>
internal static class LinkRateCheck
{
    /// <summary>The warning for a level whose mesh links (channel_width bits per queuing_delay cycles) move far less than the port bandwidth that feeds them, or null.</summary>
    public static InputWarning? Warning(YamlFile file, YamlMappingNode attrs, string path, LevelDraft level)
    {
        if (YamlFile.Find(attrs, "bw") is null || YamlFile.Find(attrs, "connection_type") is not { } type
            || file.AsString(type, path + ".connection_type") == "HXbarNetwork" || level.MeshX * level.MeshY <= 1)
        {
            return null; // no mesh links between the instances: nothing serializes on a link
        }

        var queuing = NonNegativeInt(file, attrs, "queuing_delay", path, 0);
        if (queuing == 0)
        {
            return null; // no serialization term: a link is never slower than its port
        }

        var width = PositiveInt(file, attrs, "channel_width", path, 32);
        var port = PositiveInt(file, attrs, "bw", path, null);
        var linkBytesPerCycle = width / 8.0 / queuing;
        if (linkBytesPerCycle * ArchitectureLoader.LinkRateWarningRatio > port)
        {
            return null;
        }

        var widthNode = YamlFile.Find(attrs, "channel_width");
        var at = widthNode ?? YamlFile.Find(attrs, "queuing_delay");
        var key = widthNode is not null ? path + ".channel_width" : path + ".queuing_delay";
        var widthText = widthNode is not null ? $"channel_width {width} bits" : $"channel_width {width} bits, the default,";
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return file.Warning(at, key,
            $"the {level.Name} mesh links move {linkBytesPerCycle.ToString("0.##", c)} B/cycle ({widthText} per queuing_delay {queuing} cycles), far below the {port.ToString(c)} B/cycle ports (bw) that feed them; transfers over this mesh are link-bound",
            $"set channel_width: {(port * 8 * queuing).ToString(c)} to match the ports");
    }
}
