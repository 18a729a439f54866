namespace Comet.Bench;

/// <summary>Entry point of the benchmark runner: <c>dotnet run -c Release --project bench/Comet.Bench -- GROUP [--json]</c>.</summary>
public static class Program
{
    /// <summary>Runs the named benchmark group and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        var group = args.Length > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToArray();
        switch (group)
        {
            case "kernel": return KernelBench.Run(rest);
            case "analytic": return AnalyticBench.Run(rest);
            case "simulate": return SimulateBench.Run(rest);
            case "census": return EventCensus.Run(rest);
            case "trace": return TraceWriteBench.Run(rest);
            case "writer-cost": return WriterCostBench.Run(rest);
            case "side-by-side": return SideBySideBench.Run(rest);
            case "fuzz": return FuzzSoak.Run(rest);
            case "pin": return PinBench.Run(rest);
            case "startup": return StartupBench.Run(rest);
            case "parse": return ParseBench.Run(rest);
            case "noc": return NocBench.Run(rest);
            case "search": return SearchBench.Run(rest);
            default:
                Console.Error.WriteLine("usage: Comet.Bench kernel|analytic|simulate|census|trace|writer-cost|side-by-side|fuzz|pin|startup|parse|noc|search [--json]");
                return group == "help" ? 0 : 2;
        }
    }
}
