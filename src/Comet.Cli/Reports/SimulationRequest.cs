using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Reports;

/// <summary>One simulation to run and write.</summary>
/// <param name="Inputs">The parsed inputs.</param>
/// <param name="Name">Run name (case folder), used for the default output folder.</param>
/// <param name="OutputFolder">Where the files go.</param>
/// <param name="Trace">How much is traced.</param>
/// <param name="Seed">Seed of the simulation's random stream.</param>
/// <param name="NocEnergy">Include NoC energy in the analytical model's figures.</param>
/// <param name="Plots">Render timeline.png/timeline.svg from the trace.</param>
/// <param name="MappingPath">The mapping file (named in errors).</param>
/// <param name="Command">The verb, for run-info.json.</param>
/// <param name="Arguments">The command line, for run-info.json.</param>
/// <param name="Execution">Executor knobs (null: the defaults, streaming leaves).</param>
/// <param name="TraceFormats">Trace files written when tracing (null: CSV and JSON).</param>
/// <param name="TraceWarningBytes">A trace estimated at least this large is announced on stderr before the run.</param>
public sealed record SimulationRequest(CometInputSet Inputs, string Name, string OutputFolder, SimulationTraceLevel Trace, int Seed, bool NocEnergy, bool Plots = true, string MappingPath = "mapping.yaml", string Command = "simulate", IReadOnlyList<string>? Arguments = null, ExecutionOptions? Execution = null, SimulationTraceFormats? TraceFormats = null, long TraceWarningBytes = TraceSizeEstimate.DefaultWarningBytes)
{
    /// <summary>The executor knobs in effect.</summary>
    public ExecutionOptions ExecutionOrDefault => Execution ?? ExecutionOptions.Default;

    /// <summary>The trace files in effect.</summary>
    public SimulationTraceFormats TraceFormatsOrDefault => TraceFormats ?? SimulationTraceFormats.Default;
}
