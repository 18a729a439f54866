namespace Comet.Cli;

/// <summary>Entry point of the <c>comet</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("comet: scaffolding");
        return 0;
    }
}
