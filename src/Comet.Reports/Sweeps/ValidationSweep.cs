using System.Globalization;
using Comet.Hardware.Inputs;
using Comet.Reports.Runs;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Sweeps;

/// <summary>Finds the case folders of a validation sweep and runs each through the analytical model and the simulator.</summary>
public static class ValidationSweep
{
    /// <summary>The four COMET inputs a case folder holds.</summary>
    public static IReadOnlyList<string> InputFiles { get; } = ["arch.yaml", "problem.yaml", "mapping.yaml", "const.yaml"];

    /// <summary>The default per-case event budget (about ten seconds of simulation).</summary>
    public const long DefaultMaxEvents = 100_000_000;

    /// <summary>The sub-folders of <paramref name="casesFolder"/> holding at least one COMET input, in ordinal name order.</summary>
    /// <exception cref="InputException">The folder is missing or holds no case folder.</exception>
    public static IReadOnlyList<ValidationCase> Discover(string casesFolder)
    {
        if (File.Exists(casesFolder))
        {
            throw new InputException(casesFolder, "--cases", "is a file, not a folder (give the folder whose sub-folders are the cases)");
        }

        if (string.IsNullOrWhiteSpace(casesFolder) || !Directory.Exists(casesFolder))
        {
            throw new InputException(casesFolder, "--cases", "the cases folder does not exist");
        }

        var families = ReadIndexFamilies(Path.Combine(casesFolder, "index.tsv"));
        var cases = Directory.GetDirectories(casesFolder)
            .Where(d => InputFiles.Any(f => File.Exists(Path.Combine(d, f))))
            .Select(d => Path.GetFullPath(d))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .Select(d =>
            {
                var name = Path.GetFileName(d);
                return new ValidationCase(name, d, families.GetValueOrDefault(name) ?? FamilyOf(name), ReadNocFlag(Path.Combine(d, "flags.txt")));
            })
            .ToList();
        if (cases.Count == 0)
        {
            throw new InputException(casesFolder, "--cases", "no case folders in it (sub-folders holding arch.yaml, problem.yaml, mapping.yaml and const.yaml)");
        }

        return cases;
    }

    /// <summary>The one case folder <paramref name="caseFolder"/> as a sweep of one (its family from its name).</summary>
    /// <exception cref="InputException">The folder is missing, is a file, or holds no COMET input.</exception>
    public static ValidationCase One(string caseFolder)
    {
        if (File.Exists(caseFolder))
        {
            throw new InputException(caseFolder, "--case", "is a file, not a folder (give the folder holding arch.yaml, problem.yaml, mapping.yaml and const.yaml)");
        }

        if (string.IsNullOrWhiteSpace(caseFolder) || !Directory.Exists(caseFolder))
        {
            throw new InputException(caseFolder, "--case", "the case folder does not exist");
        }

        var full = Path.GetFullPath(caseFolder);
        if (!InputFiles.Any(f => File.Exists(Path.Combine(full, f))))
        {
            throw new InputException(caseFolder, "--case", "holds none of arch.yaml, problem.yaml, mapping.yaml, const.yaml");
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        return new ValidationCase(name, full, FamilyOf(name), ReadNocFlag(Path.Combine(full, "flags.txt")));
    }

    /// <summary>A case's family from its name: the first word (<c>ex</c>, <c>gemm</c>, <c>edge</c>), or the first two for <c>im_*</c> and <c>ref_*</c> names.</summary>
    public static string FamilyOf(string name)
    {
        var parts = name.Split('_');
        return parts.Length > 1 && parts[0] is "im" or "ref" ? parts[0] + "_" + parts[1] : parts[0];
    }

    /// <summary>Runs every case (at most <paramref name="jobs"/> at once); the results are in case order whatever the concurrency.</summary>
    public static IReadOnlyList<ValidationCaseResult> Run(IReadOnlyList<ValidationCase> cases, long maxEvents, int jobs, Action<int, ValidationCaseResult>? progress, CancellationToken token, ExecutionOptions? execution = null)
    {
        var results = new ValidationCaseResult[cases.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        Parallel.For(0, cases.Count, options, i =>
        {
            results[i] = RunCase(cases[i], maxEvents, token, execution);
            progress?.Invoke(i, results[i]);
        });
        return results;
    }

    /// <summary>Evaluates the model and simulates one case without a trace, stopping at <paramref name="maxEvents"/> events; input errors become the row's status.</summary>
    public static ValidationCaseResult RunCase(ValidationCase c, long maxEvents, CancellationToken token, ExecutionOptions? execution = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var prepared = Prepare(c);
        return prepared.Failed ?? Simulate(prepared, maxEvents, token, execution);
    }

    /// <summary>Loads one case and evaluates the model on it, once for any number of simulations (<see cref="Simulate"/>); input errors become <see cref="PreparedCase.Failed"/>; a sequence folder is loaded step by step by each simulation.</summary>
    public static PreparedCase Prepare(ValidationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (SequenceFolder.IsSequence(c.Folder))
        {
            return new PreparedCase(c, null, null, null, null);
        }

        CometInputSet inputs;
        try
        {
            var missing = InputFiles.Where(f => !File.Exists(Path.Combine(c.Folder, f))).ToList();
            if (missing.Count > 0)
            {
                return new PreparedCase(c, null, null, null, Failed(c, null, $"error: {c.Folder}: missing {string.Join(", ", missing)}"));
            }

            inputs = CometInputLoader.LoadFolder(c.Folder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new PreparedCase(c, null, null, null, Failed(c, null, ErrorStatus(e)));
        }

        AnalyticReport? analytic = null;
        string? analyticError = null;
        try
        {
            analytic = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(c.NocEnergy));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            analyticError = "analytic " + ErrorStatus(e);
        }

        return new PreparedCase(c, inputs, analytic, analyticError, null);
    }

    /// <summary>Simulates a prepared case without a trace, stopping at <paramref name="maxEvents"/> events (the model's report and the inputs are shared by every simulation of the case).</summary>
    public static ValidationCaseResult Simulate(PreparedCase prepared, long maxEvents, CancellationToken token, ExecutionOptions? execution = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Failed is { } failed)
        {
            return failed;
        }

        if (prepared.Inputs is null)
        {
            return SequenceValidation.Run(prepared.Case, maxEvents, token, execution);
        }

        var (c, inputs, analytic, analyticError) = (prepared.Case, prepared.Inputs!, prepared.Analytic, prepared.AnalyticError);
        SimulationResult result;
        try
        {
            var run = ExecutorRun.Execute(inputs, new Simulation(0), (execution ?? ExecutionOptions.Default) with { NocEnergy = c.NocEnergy }, token, maxEvents);
            if (run.End.OutOfEvents)
            {
                return Failed(c, analytic, $"skipped: event budget ({maxEvents.ToString(CultureInfo.InvariantCulture)} events) reached at cycle {run.End.EndCycle.ToString(CultureInfo.InvariantCulture)}", run.End.Events);
            }

            if (run.End.Cancelled)
            {
                return Failed(c, analytic, "skipped: cancelled", run.End.Events);
            }

            result = run.Result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(c, analytic, ErrorStatus(e));
        }

        var request = new SimulationRequest(inputs, c.Name, c.Folder, SimulationTraceLevel.None, 0, c.NocEnergy, MappingPath: Path.Combine(c.Folder, "mapping.yaml"), Command: "validate");
        var summary = SimulationSummary.Build(request, result, analytic, cancelled: false);
        var energy = Math.Round(result.TotalEnergy, 4);
        return new ValidationCaseResult(
            c,
            analytic?.TotalCycles,
            analytic?.RootNodeCycles,
            result.SimulatedCycles,
            SimulationSummary.ErrorPercent(result.SimulatedCycles, analytic?.TotalCycles),
            SimulationSummary.ErrorPercent(result.SimulatedCycles, analytic?.RootNodeCycles),
            analytic?.TotalEnergyPj,
            energy,
            SimulationSummary.ErrorPercent(energy, analytic?.TotalEnergyPj),
            result.Events,
            analyticError ?? ValidationCaseResult.Ok,
            analytic,
            summary,
            ValidationLevelRow.FromSummary(c.Name, summary),
            result.Activity);
    }

    /// <summary>Evaluates the model on every case and pairs it with the simulated total of the earlier sweep's row of the same name.</summary>
    public static IReadOnlyList<ValidationCaseResult> FromEarlierSweep(IReadOnlyList<ValidationCase> cases, IReadOnlyDictionary<string, ValidationCsvRow> earlier) =>
        cases.Select(c => FromEarlierSweep(c, earlier.GetValueOrDefault(c.Name))).ToList();

    /// <summary>Evaluates the model on one case and takes its simulated total and status from an earlier sweep's validation.csv row instead of simulating.</summary>
    public static ValidationCaseResult FromEarlierSweep(ValidationCase c, ValidationCsvRow? earlier)
    {
        if (earlier is null)
        {
            return Failed(c, null, "skipped: not in the given validation.csv");
        }

        AnalyticReport analytic;
        try
        {
            analytic = AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(c.Folder), new AnalyticOptions(c.NocEnergy));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(c, null, ErrorStatus(e));
        }

        if (earlier.Status != ValidationCaseResult.Ok || earlier.SimulatedCycles is null)
        {
            return Failed(c, analytic, earlier.Status, earlier.Events);
        }

        var simulated = earlier.SimulatedCycles.Value;
        return new ValidationCaseResult(
            c, analytic.TotalCycles, analytic.RootNodeCycles, simulated,
            SimulationSummary.ErrorPercent(simulated, analytic.TotalCycles), SimulationSummary.ErrorPercent(simulated, analytic.RootNodeCycles),
            analytic.TotalEnergyPj, null, null, earlier.Events, ValidationCaseResult.Ok, analytic, null, []);
    }

    /// <summary>The one-line status of a failed case: <c>error: …</c> as <c>comet</c> prints it, or <c>internal error: …</c> for a Comet bug.</summary>
    public static string ErrorStatus(Exception e) => e switch
    {
        InputException => "error: " + e.Message.ReplaceLineEndings(" "),
        SimulationDeadlockException or DeadlockException => "error: deadlock: " + e.Message.ReplaceLineEndings(" "),
        _ => $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}",
    };

    private static ValidationCaseResult Failed(ValidationCase c, AnalyticReport? analytic, string status, long? events = null) =>
        new(c, analytic?.TotalCycles, analytic?.RootNodeCycles, null, null, null, analytic?.TotalEnergyPj, null, null, events, status, analytic, null, []);

    private static bool ReadNocFlag(string flagsPath) =>
        File.Exists(flagsPath) && File.ReadAllText(flagsPath).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(t => t is "--calc_noc_energy" or "--noc-energy");

    private static Dictionary<string, string> ReadIndexFamilies(string indexPath)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(indexPath))
        {
            return families;
        }

        var lines = File.ReadAllLines(indexPath);
        if (lines.Length == 0)
        {
            return families;
        }

        var header = lines[0].Split('\t');
        var caseColumn = Array.IndexOf(header, "case");
        var familyColumn = Array.IndexOf(header, "family");
        if (caseColumn < 0 || familyColumn < 0)
        {
            return families;
        }

        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length > Math.Max(caseColumn, familyColumn) && cells[familyColumn].Length > 0)
            {
                families[cells[caseColumn]] = cells[familyColumn];
            }
        }

        return families;
    }
}
