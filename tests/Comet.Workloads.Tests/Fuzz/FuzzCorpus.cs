using Comet.Fuzzing;
using Comet.Workloads.Tests.Inputs;

namespace Comet.Workloads.Tests.Fuzz;

/// <summary>The runnable reference cases the fuzz tests mutate.</summary>
internal static class FuzzCorpus
{
    /// <summary>The five reference cases the authors' tool ran successfully.</summary>
    public static IReadOnlyList<FuzzInputSet> Runnable() => FuzzInputSet.LoadRunnable(Path.Combine(ReferencePaths.ReferenceRoot, "cases"));
}
