using System.Globalization;
using System.Text;
using System.Text.Json;
using Comet.Reports.Output;
using Comet.Reports.Sweeps;
using Comet.Workloads.Validation;

namespace Comet.Reports.SearchCalibration;

/// <summary>Writes <c>comet calibrate --from-search</c>'s calibration.json, calibration.csv and console summary (deterministic: no timestamps).</summary>
public static class SearchCalibrationReport
{
    /// <summary>The header of calibration.csv.</summary>
    public const string CsvHeader = "search,top_rank,case,split,simulated_cycles,cs,os,tmw,before_cycles,after_cycles,error_before_pct,error_after_pct";

    /// <summary>The text of calibration.json.</summary>
    public static string Json(SearchCalibrationResult result, int holdOutEvery)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fit = result.Fit;
        return JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("model", "simulated_cycles ≈ " + string.Join(" + ", fit.TermNames.Select(t => $"c_{t}·{t}")) + " (all c = 1 is COMET's Total Cycles)");
            w.WriteString("weighting", fit.Weighting.ToString().ToLowerInvariant());
            w.WriteNumber("hold_out_every", holdOutEvery);
            w.WriteNumber("training", result.Training.Count);
            w.WriteNumber("held_out", result.HeldOut.Count);
            w.WriteStartObject("coefficients");
            for (var j = 0; j < fit.TermNames.Count; j++)
            {
                w.WriteNumber(fit.TermNames[j], Math.Round(fit.Coefficients[j], 6));
            }

            w.WriteEndObject();
            Errors(w, "held_out_error_before", result.HeldOutBefore);
            Errors(w, "held_out_error_after", result.HeldOutAfter);
            w.WriteStartArray("searches");
            foreach (var a in result.Agreement)
            {
                w.WriteStartObject();
                w.WriteString("search", a.Search);
                w.WriteNumber("top_k", a.Candidates);
                ValidationJson.Number(w, "kendall_tau_before", Round(a.TauBefore));
                ValidationJson.Number(w, "kendall_tau_after", Round(a.TauAfter));
                w.WriteBoolean("same_winner_before", a.SameWinnerBefore);
                w.WriteBoolean("same_winner_after", a.SameWinnerAfter);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The text of calibration.csv: one row per simulated candidate, training or held out, with both models' predictions.</summary>
    public static string Csv(SearchCalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder(CsvHeader).Append('\n');
        var held = result.HeldOut.ToHashSet();
        foreach (var s in result.Training.Concat(result.HeldOut).OrderBy(s => s.Search, StringComparer.Ordinal).ThenBy(s => s.TopRank))
        {
            var before = s.Sample.Terms.Sum();
            var after = NonNegativeLeastSquares.Dot(s.Sample.Terms, result.Fit.Coefficients);
            var cells = new List<string> { s.Search, N(s.TopRank), s.Sample.Name, held.Contains(s) ? "held-out" : "training", ValidationCsv.N(s.Sample.Observed) };
            cells.AddRange(s.Sample.Terms.Select(t => ValidationCsv.N(t)));
            cells.AddRange([ValidationCsv.N(before), ValidationCsv.N(Math.Round(after, 2)), ValidationCsv.N(Round(Calibration.ErrorPercent(before, s.Sample.Observed))), ValidationCsv.N(Round(Calibration.ErrorPercent(after, s.Sample.Observed)))]);
            sb.AppendJoin(',', cells.Select(ValidationCsv.Escape)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the coefficients, the held-out errors and the rank agreement per search to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, SearchCalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var fit = result.Fit;
        output.WriteLine($"fitted {N(result.Training.Count)} simulated candidates, {N(result.HeldOut.Count)} held out ({fit.Weighting.ToString().ToLowerInvariant()} least squares, coefficients ≥ 0)");
        for (var j = 0; j < fit.TermNames.Count; j++)
        {
            output.WriteLine($"  c_{fit.TermNames[j]} = {fit.Coefficients[j].ToString("0.######", CultureInfo.InvariantCulture)}");
        }

        output.WriteLine($"held-out |error| before: {Describe(result.HeldOutBefore)}");
        output.WriteLine($"held-out |error| after:  {Describe(result.HeldOutAfter)}");
        output.WriteLine("rank agreement of each search's top k with the simulator (Kendall τ-b; same winner):");
        foreach (var a in result.Agreement)
        {
            output.WriteLine($"  {a.Search}: k = {N(a.Candidates)}, τ {Tau(a.TauBefore)} before, {Tau(a.TauAfter)} after; same winner {(a.SameWinnerBefore ? "yes" : "no")} before, {(a.SameWinnerAfter ? "yes" : "no")} after");
        }
    }

    private static void Errors(Utf8JsonWriter w, string name, ErrorSummary? e)
    {
        if (e is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("count", e.Count);
        w.WriteNumber("median_pct", Math.Round(e.MedianPct, 4));
        w.WriteNumber("p90_pct", Math.Round(e.P90Pct, 4));
        w.WriteNumber("max_pct", Math.Round(e.MaxPct, 4));
        w.WriteEndObject();
    }

    private static string Describe(ErrorSummary? e) => e is null
        ? "– (nothing held out)"
        : string.Create(CultureInfo.InvariantCulture, $"median {e.MedianPct:0.00} %, p90 {e.P90Pct:0.00} %, max {e.MaxPct:0.00} % over {e.Count}");

    private static string Tau(double? tau) => tau is { } t ? t.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
