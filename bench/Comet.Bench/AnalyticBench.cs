namespace Comet.Bench;

/// <summary>Benchmark group (not implemented yet).</summary>
public static class AnalyticBench
{
    /// <summary>Runs the group and returns the exit code.</summary>
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("AnalyticBench: not implemented yet");
        return 0;
    }
}
