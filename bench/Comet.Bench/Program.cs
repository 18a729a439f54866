namespace Comet.Bench;

/// <summary>Entry point of the benchmark runner.</summary>
public static class Program
{
    /// <summary>Runs the named benchmark group.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("bench: scaffolding");
        return 0;
    }
}
