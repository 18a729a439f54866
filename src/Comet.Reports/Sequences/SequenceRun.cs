using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.Runs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Sequences;

/// <summary>Runs every operation of an unfused sequence folder in order: the analytical model on each, or a simulation of each into its own subfolder of one output folder.</summary>
public static class SequenceRun
{
    /// <summary>Evaluates the analytical model on each step; returns the per-step figures and each step's analytic JSON.</summary>
    public static (IReadOnlyList<SequenceStepFigures> Steps, IReadOnlyList<string> Reports) Analyze(SequenceFolder sequence, YamlFile? arch, bool nocEnergy)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var figures = new List<SequenceStepFigures>();
        var reports = new List<string>();
        foreach (var step in sequence.Steps)
        {
            var inputs = sequence.Load(step, arch);
            var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(nocEnergy));
            figures.Add(new SequenceStepFigures(step, report.TotalCycles, report.TotalEnergyPj));
            reports.Add(Analytic.AnalyticJson.Write(report, inputs.Hashes));
        }

        return (figures, reports);
    }

    /// <summary>Simulates each step into <c>OUT/&lt;step&gt;/</c> (its usual run folder) and writes the sequence's summary.json (totals are the sums) at OUT.</summary>
    /// <param name="sequence">The sequence folder.</param>
    /// <param name="arch">The architecture replacing the folder's arch.yaml (a preset's), or null.</param>
    /// <param name="template">The request every step's simulation is made from (its inputs, name and folder are replaced per step).</param>
    /// <param name="token">Stops the current step between two events when cancelled; later steps are not run.</param>
    public static (IReadOnlyList<SequenceStepFigures> Steps, string SummaryJson, IReadOnlyList<string> Files, bool Cancelled) Simulate(SequenceFolder sequence, YamlFile? arch, SimulationRequest template, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(template);
        var started = DateTimeOffset.UtcNow;
        var figures = new List<SequenceStepFigures>();
        var files = new List<string>();
        var cancelled = false;
        using var dir = OutputDirectory.Begin(template.OutputFolder);
        foreach (var step in sequence.Steps)
        {
            if (token.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            var inputs = sequence.Load(step, arch);
            var stepFolder = Path.Combine(dir.TempPath, step);
            var request = template with { Inputs = inputs, Name = $"{template.Name}/{step}", OutputFolder = stepFolder, MappingPath = Path.Combine(sequence.Folder, step, "mapping.yaml") };
            var outcome = SimulationRun.Execute(request, token);
            cancelled |= outcome.Cancelled;
            var root = inputs.Architecture.Levels.First(l => l.IsRoot).Name;
            var dram = outcome.Result.Levels.FirstOrDefault(l => l.Level == root);
            figures.Add(new SequenceStepFigures(step, outcome.Analytic?.TotalCycles, outcome.Analytic?.TotalEnergyPj, outcome.Result.SimulatedCycles, outcome.Result.TotalEnergy, dram?.BytesRead ?? 0, dram?.BytesWritten ?? 0));
            foreach (var file in outcome.Files)
            {
                // Registers the step's files (its own run-info.json included) as written by this run.
                dir.PathFor($"{step}/{Path.GetFileName(file)}");
                files.Add(Path.Combine(dir.FinalPath, step, Path.GetFileName(file)));
            }
        }

        var summary = SequenceReport.SummaryJson(template.Name, figures);
        File.WriteAllText(dir.PathFor("summary.json"), summary);
        dir.Commit(RunInfo.Capture(template.Command, template.Arguments ?? [], started, cancelled));
        files.Add(Path.Combine(dir.FinalPath, "summary.json"));
        files.Add(Path.Combine(dir.FinalPath, RunInfo.FileName));
        return (figures, summary, files, cancelled);
    }
}
