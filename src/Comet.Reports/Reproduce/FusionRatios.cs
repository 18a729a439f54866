namespace Comet.Reports.Reproduce;

/// <summary>The fused-over-unfused ratios of the reproduce table: the one home of their direction and rounding.</summary>
public static class FusionRatios
{
    /// <summary>Decimal places the ratios are rounded to (so the CSV and JSON print short, stable numbers).</summary>
    public const int Decimals = 4;

    /// <summary>Unfused ÷ fused, rounded (above 1: fused is faster, or spends less); null when either is missing or fused is not positive.</summary>
    // ratio = unfused / fused
    public static double? Of(double? unfused, double? fused) =>
        unfused is { } u && fused is { } f && f > 0 ? Math.Round(u / f, Decimals) : null;
}
