using Comet.Hardware.Inputs;
using Comet.Reports.Compare;
using Comet.Reports.Search;
using Comet.Reports.Sweeps;
using Comet.Workloads.Generation;

namespace Comet.Reports.Reproduce;

/// <summary>Runs the reproduce table: per operation, preset and shape, the best fused and unfused cases written, analysed, simulated and compared mechanism by mechanism.</summary>
public static class ReproduceSweep
{
    /// <summary>The default event budget of each simulation (the default shapes then finish within the issue's ten minutes on two cores).</summary>
    public const long DefaultMaxEvents = 20_000_000;

    /// <summary>The planned cases, in table order, with the status of those that could not be generated.</summary>
    /// <param name="source">Where the best cases come from.</param>
    /// <param name="quick">Only the one quick shape per operation and preset.</param>
    /// <param name="pathFor">Where to write a file, given its path relative to the output folder (the cases go under <c>cases/</c>).</param>
    public static IReadOnlyList<ReproducePlan> Plan(IBestCaseSource source, bool quick, Func<string, string> pathFor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pathFor);
        var plans = new List<ReproducePlan>();
        foreach (var template in CompoundTemplates.All)
        {
            foreach (var shape in ReproduceShapes.For(template, quick))
            {
                var (fused, fusedBy, fusedError) = Write(source, template.Name, shape, fused: true, pathFor);
                var (unfused, unfusedBy, unfusedError) = Write(source, template.Name, shape, fused: false, pathFor);
                var problem = fusedError is not null ? "fused: " + fusedError : unfusedError is not null ? "unfused: " + unfusedError : null;
                // Both cases are normally chosen alike; when they are not (one searched, one not), the row says so.
                var chosenBy = fusedBy is null || unfusedBy is null || fusedBy == unfusedBy ? fusedBy ?? unfusedBy ?? source.Name : $"fused: {fusedBy}; unfused: {unfusedBy}";
                plans.Add(new ReproducePlan(template.Name, shape, chosenBy, fused, unfused, problem));
            }
        }

        return plans;
    }

    /// <summary>Simulates every planned case with every mechanism on and once per formula assumption (<see cref="CompareSweep"/>) and builds the rows, in plan order.</summary>
    public static IReadOnlyList<ReproduceRow> Run(IReadOnlyList<ReproducePlan> plans, long maxEvents, int jobs, Action<int, int>? progress, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var cases = plans.Where(p => p.Problem is null).SelectMany(p => new[] { p.Fused!, p.Unfused! }).ToList();
        var compared = CompareSweep.Run(cases, maxEvents, jobs, progress, token);
        var byFolder = compared.ToDictionary(r => r.Run.Case.Folder, StringComparer.Ordinal);
        return [.. plans.Select(p => p.Problem is not null
            ? new ReproduceRow(p.Operation, p.Shape.Preset, p.Shape.Label, p.Shape.Note, p.ChosenBy, null, null, p.Problem)
            : Row(p, byFolder[p.Fused!.Folder], byFolder[p.Unfused!.Folder]))];
    }

    /// <summary>The row of one operation, preset and shape from the comparisons of its fused and unfused cases.</summary>
    public static ReproduceRow Row(ReproducePlan plan, CompareCaseResult fused, CompareCaseResult unfused)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(unfused);
        var rootLevel = Presets.Arch(plan.Shape.Preset).Levels.First(l => l.IsRoot).Name;
        var f = Figures(fused.Run, rootLevel);
        var u = Figures(unfused.Run, rootLevel);
        var status = f.Status != ValidationCaseResult.Ok ? "fused: " + f.Status : u.Status != ValidationCaseResult.Ok ? "unfused: " + u.Status : ValidationCaseResult.Ok;
        var row = new ReproduceRow(plan.Operation, plan.Shape.Preset, plan.Shape.Label, plan.Shape.Note, plan.ChosenBy, f, u, status);
        return status == ValidationCaseResult.Ok ? row with { Attribution = SpeedupAttribution.Of(fused, unfused, row.SpeedupAnalytic) } : row;
    }

    // The model's totals come from analyze's own path, so they exist even when the simulation stopped at its budget.
    private static CaseFigures Figures(ValidationCaseResult run, string rootLevel)
    {
        long? cycles = null;
        double? energy = null;
        var status = run.Status;
        try
        {
            (cycles, energy) = CaseAnalysis.Totals(run.Case);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            status = "analytic " + ValidationSweep.ErrorStatus(e);
        }

        var finished = run.Status == ValidationCaseResult.Ok;
        return new CaseFigures(cycles, energy, finished ? run.SimulatedCycles : null, finished ? run.SimulatedEnergyPj : null, finished ? DramTraffic.FromSummary(run.SummaryJson, rootLevel) : null, status);
    }

    private static (ValidationCase? Case, string? ChosenBy, string? Error) Write(IBestCaseSource source, string operation, ReproduceShape shape, bool fused, Func<string, string> pathFor)
    {
        var name = $"{operation}-{shape.Preset}-{shape.Label}-{(fused ? "fused" : "unfused")}";
        BestCase best;
        try
        {
            best = source.Find(new BestCaseQuery(operation, shape.Preset, shape.Values, fused, name));
        }
        catch (InputException e)
        {
            return (null, null, "cannot tile on this preset: " + e.Message.ReplaceLineEndings(" "));
        }

        var folder = SearchFinish.WriteCase(pathFor, $"cases/{name}", best.Case.Files);
        return (ValidationSweep.One(folder), best.ChosenBy, null);
    }
}
