using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Runs;

/// <summary>One simulation to run and write.</summary>
/// <param name="Inputs">The parsed inputs.</param>
/// <param name="Name">Run name (case folder), used for the default output folder.</param>
/// <param name="OutputFolder">Where the files go.</param>
/// <param name="Trace">How much is traced.</param>
/// <param name="Seed">Seed of the simulation's random stream.</param>
/// <param name="NocEnergy">Include NoC energy in the analytical model's figures.</param>
/// <param name="Drawing">Makes the picture drawn from the trace rows (the timeline), or null for none; called only when the run is traced.</param>
/// <param name="MappingPath">The mapping file (named in errors).</param>
/// <param name="Command">The verb, for run-info.json.</param>
/// <param name="Arguments">The command line, for run-info.json.</param>
/// <param name="Execution">Executor knobs (null: the defaults, streaming leaves).</param>
/// <param name="TraceFormats">Trace files written when tracing (null: CSV and JSON).</param>
public sealed record SimulationRequest(CometInputSet Inputs, string Name, string OutputFolder, SimulationTraceLevel Trace, int Seed, bool NocEnergy, Func<ITraceDrawing>? Drawing = null, string MappingPath = "mapping.yaml", string Command = "simulate", IReadOnlyList<string>? Arguments = null, ExecutionOptions? Execution = null, SimulationTraceFormats? TraceFormats = null)
{
    /// <summary>The executor knobs in effect.</summary>
    public ExecutionOptions ExecutionOrDefault => Execution ?? ExecutionOptions.Default;

    /// <summary>The trace files in effect.</summary>
    public SimulationTraceFormats TraceFormatsOrDefault => TraceFormats ?? SimulationTraceFormats.Default;
}
