using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Workloads.Validation;

namespace Comet.Cli.Reports;

/// <summary>Writes a calibration's calibration.json, calibration.csv and text summary (deterministic: no timestamps).</summary>
public static class ValidationCalibrationReport
{
    /// <summary>The header of calibration.csv.</summary>
    public const string CsvHeader = "case,family,simulated_cycles,cs,os,tmw,before_cycles,after_cycles,leave_one_out_cycles,error_before_pct,error_after_pct,leave_one_out_error_pct";

    /// <summary>The calibration samples of the comparable cases: the model's CS/OS/TMW sums and the simulated total.</summary>
    public static IReadOnlyList<CalibrationSample> Samples(IReadOnlyList<ValidationCaseResult> results) =>
        results.Where(r => r.IsComparable && r.Analytic is not null && r.SimulatedCycles > 0)
            .Select(r => new CalibrationSample(r.Case.Name, r.Case.Family, CycleTerms.Of(r.Analytic!), r.SimulatedCycles!.Value))
            .ToList();

    /// <summary>The text of calibration.csv: per case, the terms and the predictions before and after calibration.</summary>
    public static string Csv(CalibrationFit fit, IReadOnlyList<CalibrationSample> samples)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            var p = fit.Predictions[i];
            sb.AppendJoin(',', new[]
            {
                ValidationCsv.Escape(s.Name), ValidationCsv.Escape(s.Family), R(s.Observed, 0),
                R(s.Terms[0], 0), R(s.Terms[1], 0), R(s.Terms[2], 0),
                R(p.Before, 0), R(p.After, 1), p.LeaveOneOut is { } l ? R(l, 1) : string.Empty,
                R(p.ErrorBeforePct, 4), R(p.ErrorAfterPct, 4), p.LeaveOneOutErrorPct is { } e ? R(e, 4) : string.Empty,
            }).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The text of calibration.json: coefficients, fit quality, and the cases left out with their status.</summary>
    public static string Json(CalibrationFit fit, IReadOnlyList<ValidationCaseResult> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", "simulated_cycles ≈ " + string.Join(" + ", fit.TermNames.Select(t => $"c_{t}·{t}")) + " (Σ of the analytic per-unit breakdown columns; all c = 1 is COMET's Total Cycles)");
            w.WriteString("weighting", fit.Weighting.ToString().ToLowerInvariant());
            w.WriteNumber("cases", fit.Cases);
            w.WriteStartObject("coefficients");
            for (var j = 0; j < fit.TermNames.Count; j++)
            {
                w.WriteNumber(fit.TermNames[j], Math.Round(fit.Coefficients[j], 6));
            }

            w.WriteEndObject();
            w.WriteStartObject("identified");
            for (var j = 0; j < fit.TermNames.Count; j++)
            {
                w.WriteBoolean(fit.TermNames[j], fit.Identified[j]);
            }

            w.WriteEndObject();
            ValidationJson.Number(w, "r_squared_before", Math.Round(fit.RSquaredBefore, 6));
            ValidationJson.Number(w, "r_squared", Math.Round(fit.RSquared, 6));
            w.WriteNumber("mean_abs_error_before_pct", Math.Round(fit.MeanAbsErrorBeforePct, 4));
            w.WriteNumber("mean_abs_error_after_pct", Math.Round(fit.MeanAbsErrorAfterPct, 4));
            ValidationJson.Number(w, "leave_one_out_mean_abs_error_pct", fit.LeaveOneOutMeanAbsErrorPct is { } l ? Math.Round(l, 4) : null);
            w.WriteStartArray("left_out");
            foreach (var r in results.Where(r => !(r.IsComparable && r.Analytic is not null && r.SimulatedCycles > 0)))
            {
                w.WriteStartObject();
                w.WriteString("case", r.Case.Name);
                w.WriteString("status", r.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the coefficients and the errors before and after to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, CalibrationFit fit)
    {
        output.WriteLine($"fitted {fit.Cases.ToString(CultureInfo.InvariantCulture)} cases ({fit.Weighting.ToString().ToLowerInvariant()} least squares, coefficients ≥ 0)");
        for (var j = 0; j < fit.TermNames.Count; j++)
        {
            output.WriteLine($"  c_{fit.TermNames[j]} = {fit.Coefficients[j].ToString("0.######", CultureInfo.InvariantCulture)}{(fit.Identified[j] ? string.Empty : " (term is 0 in every case: not identified)")}");
        }

        output.WriteLine($"R² {fit.RSquaredBefore.ToString("0.####", CultureInfo.InvariantCulture)} before, {fit.RSquared.ToString("0.####", CultureInfo.InvariantCulture)} after");
        output.WriteLine($"mean |error| {fit.MeanAbsErrorBeforePct.ToString("0.00", CultureInfo.InvariantCulture)} % before, {fit.MeanAbsErrorAfterPct.ToString("0.00", CultureInfo.InvariantCulture)} % after, "
            + $"{fit.LeaveOneOutMeanAbsErrorPct?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"} % leave-one-out");
    }

    private static string R(double value, int digits) => Math.Round(value, digits).ToString("R", CultureInfo.InvariantCulture);
}
