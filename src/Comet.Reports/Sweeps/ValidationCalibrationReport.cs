using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Hardware.Inputs;
using Comet.Workloads.Validation;

namespace Comet.Reports.Sweeps;

/// <summary>Writes a calibration's calibration.json, calibration.csv and text summary (deterministic: no timestamps).</summary>
public static class ValidationCalibrationReport
{
    /// <summary>The header of calibration.csv.</summary>
    public const string CsvHeader = "case,family,simulated_cycles,cs,os,tmw,before_cycles,after_cycles,leave_one_out_cycles,error_before_pct,error_after_pct,leave_one_out_error_pct";

    /// <summary>The calibration samples of the comparable cases: the model's CS/OS/TMW sums and the simulated total.</summary>
    public static IReadOnlyList<CalibrationSample> Samples(IReadOnlyList<ValidationCaseResult> results) =>
        results.Where(IsSample)
            .Select(r => new CalibrationSample(r.Case.Name, r.Case.Family, CycleTerms.Of(r.Analytic!), r.SimulatedCycles!.Value, FolderInputsHash(r.Case.Folder)))
            .ToList();

    /// <summary>The cases of <paramref name="results"/> a calibration leaves out, with their status.</summary>
    public static IReadOnlyList<(string Case, string Status)> LeftOut(IReadOnlyList<ValidationCaseResult> results) =>
        results.Where(r => !IsSample(r)).Select(r => (r.Case.Name, r.Status)).ToList();

    private static bool IsSample(ValidationCaseResult r) => r.IsComparable && r.Analytic is not null && r.SimulatedCycles > 0;

    /// <summary>The digest of a case folder's four input files (their SHA-256s in order), or null when one is missing.</summary>
    public static string? FolderInputsHash(string folder)
    {
        var paths = ValidationSweep.InputFiles.Select(f => Path.Combine(folder, f)).ToList();
        return paths.All(File.Exists)
            ? string.Join(",", paths.Select(p => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p)))))
            : null;
    }

    /// <summary>
    /// The samples of an earlier sweep, read from its folder alone: per <c>ok</c> row of <paramref name="validationCsv"/>, the
    /// analytic breakdown, Total Cycles, simulated total and input hashes of the <c>cases/&lt;name&gt;/summary.json</c> beside it.
    /// </summary>
    /// <exception cref="InputException">The file is missing or is not a validation.csv, or a summary.json is unreadable.</exception>
    public static (IReadOnlyList<CalibrationSample> Samples, IReadOnlyList<(string Case, string Status)> LeftOut) FromValidationFolder(string validationCsv)
    {
        var rows = ValidationCsv.ReadCases(validationCsv);
        var folder = Path.GetDirectoryName(Path.GetFullPath(validationCsv))!;
        var samples = new List<CalibrationSample>();
        var leftOut = new List<(string, string)>();
        foreach (var row in rows.Values.OrderBy(r => r.Case, StringComparer.Ordinal))
        {
            var summaryPath = Path.Combine(folder, "cases", row.Case, "summary.json");
            if (row.Status != ValidationCaseResult.Ok || row.SimulatedCycles is not > 0)
            {
                leftOut.Add((row.Case, row.Status));
                continue;
            }

            if (!File.Exists(summaryPath))
            {
                leftOut.Add((row.Case, $"skipped: no cases/{row.Case}/summary.json beside the validation.csv"));
                continue;
            }

            samples.Add(SampleFromSummary(summaryPath, row));
        }

        return (samples, leftOut);
    }

    private static CalibrationSample SampleFromSummary(string path, ValidationCsvRow row)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var total = root.GetProperty("analytic_cycles").GetInt64();
            long cs = 0, tmw = 0;
            foreach (var unit in root.GetProperty("analytic_cycle_breakdown").EnumerateObject())
            {
                cs += unit.Value.TryGetProperty("cs", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 0;
                tmw += unit.Value.TryGetProperty("tmw", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : 0;
            }

            // The same split as CycleTerms.Of: OS is the rest of Total Cycles.
            double[] terms = [cs, total - cs - tmw, tmw];
            var hashes = root.TryGetProperty("inputs_sha256", out var h)
                ? string.Join(",", new[] { "arch", "problem", "mapping", "constants" }.Select(k => h.TryGetProperty(k, out var v) ? v.GetString() : string.Empty))
                : null;
            return new CalibrationSample(row.Case, row.Family, terms, root.GetProperty("simulated_cycles").GetInt64(), hashes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException(path, string.Empty, "not a summary.json written by comet validate (" + e.Message.ReplaceLineEndings(" ") + ")");
        }
    }

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
    public static string Json(CalibrationFit fit, IReadOnlyList<ValidationCaseResult> results) => Json(fit, LeftOut(results));

    /// <summary>The text of calibration.json, with the cases left out given by name and status.</summary>
    public static string Json(CalibrationFit fit, IReadOnlyList<(string Case, string Status)> leftOut)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", "simulated_cycles ≈ " + string.Join(" + ", fit.TermNames.Select(t => $"c_{t}·{t}")) + " (Σ of the analytic per-unit breakdown columns; all c = 1 is COMET's Total Cycles)");
            w.WriteString("weighting", fit.Weighting.ToString().ToLowerInvariant());
            w.WriteNumber("cases", fit.Cases);
            ValidationJson.Number(w, "leave_one_out_mean_abs_error_pct", fit.LeaveOneOutMeanAbsErrorPct is { } l ? Math.Round(l, 4) : null);
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
            w.WriteStartArray("left_out");
            foreach (var (name, status) in leftOut)
            {
                w.WriteStartObject();
                w.WriteString("case", name);
                w.WriteString("status", status);
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
        // The leave-one-out error comes first: it is the only figure that says how the fit does on a case it has not seen.
        var looText = fit.LeaveOneOutMeanAbsErrorPct is { } loo ? loo.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "- (needs two cases)";
        output.WriteLine($"leave-one-out mean |error| {looText} (each case predicted by a fit to the others)");
        output.WriteLine($"fitted {fit.Cases.ToString(CultureInfo.InvariantCulture)} cases ({fit.Weighting.ToString().ToLowerInvariant()} least squares, coefficients ≥ 0)");
        for (var j = 0; j < fit.TermNames.Count; j++)
        {
            output.WriteLine($"  c_{fit.TermNames[j]} = {fit.Coefficients[j].ToString("0.######", CultureInfo.InvariantCulture)}{(fit.Identified[j] ? string.Empty : " (term is 0 in every case: not identified)")}");
        }

        output.WriteLine($"R² {fit.RSquaredBefore.ToString("0.####", CultureInfo.InvariantCulture)} before, {fit.RSquared.ToString("0.####", CultureInfo.InvariantCulture)} after");
        output.WriteLine($"mean |error| {fit.MeanAbsErrorBeforePct.ToString("0.00", CultureInfo.InvariantCulture)} % before, {fit.MeanAbsErrorAfterPct.ToString("0.00", CultureInfo.InvariantCulture)} % after (on the fitted cases themselves)");
    }

    private static string R(double value, int digits) => Math.Round(value, digits).ToString("R", CultureInfo.InvariantCulture);
}
