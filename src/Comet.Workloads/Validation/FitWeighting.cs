namespace Comet.Workloads.Validation;

/// <summary>How the residuals of a calibration fit are weighted.</summary>
public enum FitWeighting
{
    /// <summary>Plain least squares on cycles: large cases dominate.</summary>
    Absolute,

    /// <summary>Each residual divided by the observed value: minimises the relative (percent) error, so every case counts alike.</summary>
    Relative,
}
