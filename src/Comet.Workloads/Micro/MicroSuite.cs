using Comet.Hardware.Micro;
using Comet.Workloads.Collectives;

namespace Comet.Workloads.Micro;

/// <summary>The micro suite of <c>comet compare --suite micro</c>: every mechanism alone on an idle machine against its own closed form.</summary>
/// <remarks>A new family of cases is one file of cases plus one line in <see cref="Sources"/>; the suite runs them in this order.</remarks>
public static class MicroSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "micro";

    /// <summary>The families of cases, in the order the suite runs and prints them.</summary>
    public static IReadOnlyList<MicroCaseSource> Sources { get; } =
    [
        new("network", NetworkMicroCases.All),
        new("engine", EngineMicroCases.All),
        new("transfer", TransferMicroCases.All),
        new("collective", CollectiveMicroCases.All),
    ];

    /// <summary>Runs every case of every family, in order.</summary>
    public static IReadOnlyList<MicroCase> Run() => [.. Sources.SelectMany(s => s.Run())];
}
