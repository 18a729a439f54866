namespace Comet.Plots;

/// <summary>A label's rectangle in image pixels (y grows downwards).</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct LabelBox(double Left, double Top, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Top + Height;

    /// <summary>Whether the two rectangles share any area.</summary>
    public bool Overlaps(LabelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>Whether this rectangle lies wholly inside <paramref name="area"/>.</summary>
    public bool IsInside(LabelBox area) => Left >= area.Left && Right <= area.Right && Top >= area.Top && Bottom <= area.Bottom;
}
