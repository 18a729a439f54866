using System.Globalization;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>A dimension's split over a mesh level: X (columns, the inner spatial factor) by Y (rows, the outer one).</summary>
/// <param name="X">The inner spatial factor.</param>
/// <param name="Y">The outer spatial factor.</param>
public sealed record MeshSplit(long X, long Y)
{
    /// <summary>Instances the split uses.</summary>
    public long Ways => X * Y;

    /// <summary>Parses <c>XxY</c> (e.g. <c>2x2</c>), or a single number <c>X</c> meaning X×1.</summary>
    /// <exception cref="InputException">The text is not of that form or a factor is not positive.</exception>
    public static MeshSplit Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('x', 'X');
        if (parts.Length is 1 or 2 && parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0))
        {
            var x = long.Parse(parts[0], CultureInfo.InvariantCulture);
            return new MeshSplit(x, parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
        }

        throw new InputException(option, string.Empty, $"'{text}' is not a split (expected XxY with positive whole numbers, e.g. 2x2)");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{X}x{Y}";
}
