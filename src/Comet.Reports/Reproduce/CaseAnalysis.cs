using Comet.Reports.Sequences;
using Comet.Reports.Sweeps;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Reproduce;

/// <summary>The model's totals of a generated case folder, as <c>comet analyze --case</c> gives them (the sums over the steps of a sequence).</summary>
public static class CaseAnalysis
{
    /// <summary>Total cycles and energy of <paramref name="c"/> by the analytical model.</summary>
    /// <exception cref="Hardware.Inputs.InputException">The case's inputs are invalid.</exception>
    public static (long Cycles, double EnergyPj) Totals(ValidationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (SequenceFolder.IsSequence(c.Folder))
        {
            var (steps, _) = SequenceRun.Analyze(SequenceFolder.Open(c.Folder), null, c.NocEnergy);
            return (steps.Sum(s => s.AnalyticCycles!.Value), steps.Sum(s => s.AnalyticEnergyPj!.Value));
        }

        var report = AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(c.Folder), new AnalyticOptions(c.NocEnergy));
        return (report.TotalCycles, report.TotalEnergyPj);
    }
}
