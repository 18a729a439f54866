using System.Globalization;
using System.Text.RegularExpressions;

namespace Comet.Hardware.Loading;

/// <summary>The <c>[first..last]</c> suffix of a hierarchy name such as <c>GBuffer[0..3]</c>, which COMET strips and never counts.</summary>
/// <param name="First">First instance index.</param>
/// <param name="Last">Last instance index (inclusive).</param>
public sealed partial record InstanceRange(long First, long Last)
{
    /// <summary>Instances the range names: last − first + 1.</summary>
    public long Count => Last - First + 1;

    /// <summary>Splits <paramref name="name"/> into its level name and range: (name, null) without a bracket; the problem in words when the suffix is malformed.</summary>
    public static (string Name, InstanceRange? Range, string? Problem) Parse(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return (name, null, null);
        }

        var baseName = name[..bracket];
        var match = RangePattern().Match(name[bracket..]);
        if (bracket == 0 || !match.Success
            || !long.TryParse(match.Groups["first"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(match.Groups["last"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return (baseName, null, $"malformed instance range '{name}' (expected <level>[<first>..<last>], e.g. GBuffer[0..3])");
        }

        return last < first
            ? (baseName, null, $"instance range '{name}' ends before it starts")
            : (baseName, new InstanceRange(first, last), null);
    }

    [GeneratedRegex(@"^\[(?<first>[0-9]+)\.\.(?<last>[0-9]+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
