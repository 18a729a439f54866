using Comet.Workloads.Validation;

namespace Comet.Reports.SearchCalibration;

/// <summary>One simulated top candidate of a search: which search, its place after re-ranking by simulated cycles, and its calibration sample.</summary>
/// <param name="Search">The search's folder name.</param>
/// <param name="TopRank">Its 1-based place among the search's top k by simulated cycles (search.csv's <c>top_rank</c>).</param>
/// <param name="Sample">The model's CS/OS/TMW terms of its case folder and its simulated cycles.</param>
public sealed record SearchSample(string Search, int TopRank, CalibrationSample Sample);
