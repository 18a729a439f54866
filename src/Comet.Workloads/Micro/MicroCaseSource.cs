using Comet.Hardware.Micro;

namespace Comet.Workloads.Micro;

/// <summary>One family of micro cases in the suite: its name and the function that runs its cases.</summary>
/// <param name="Name">Family name (<c>network</c>, <c>engine</c>, …).</param>
/// <param name="Run">Runs every case of the family on its own idle machine.</param>
public sealed record MicroCaseSource(string Name, Func<IReadOnlyList<MicroCase>> Run);
