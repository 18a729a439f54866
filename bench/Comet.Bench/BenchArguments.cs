using Comet.Hardware.Components;
using Comet.Workloads.Execution;

namespace Comet.Bench;

/// <summary>What the bench's groups read from their command line: option values, the executor's mechanisms, and where a named case's folder is.</summary>
public static class BenchArguments
{
    /// <summary>The options named by <c>--network</c>, <c>--transfers</c>, <c>--instances</c>, <c>--reuse</c> and <c>--prefetch</c> (each defaulting to the simulator's own default), leaves streaming when <paramref name="streamLeaves"/>.</summary>
    public static ExecutionOptions Options(string[] args, bool streamLeaves = true) => new(
        StreamLeaves: streamLeaves,
        Network: Value(args, "--network") == "store-and-forward" ? MeshSwitching.StoreAndForward : MeshSwitching.CutThrough,
        Transfers: Value(args, "--transfers") == "serial" ? TransferMode.Serial : TransferMode.Pipelined,
        Instances: Value(args, "--instances") == "lockstep" ? InstanceSync.Lockstep : InstanceSync.Free,
        Reuse: Value(args, "--reuse") == "none" ? TileReuse.None : TileReuse.CrossInvocation,
        Prefetch: Value(args, "--prefetch") == "none" ? PrefetchMode.None : PrefetchMode.NextInvocation);

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Finds a case folder by name: examples/NAME, examples/reference/NAME or the shared reference cases; null when none holds a mapping.</summary>
    public static string? CaseFolder(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(dir.FullName, "examples", name),
                Path.Combine(dir.FullName, "examples", "reference", name),
                Path.Combine(dir.FullName, "..", "shared", "reference", "cases", name),
            })
            {
                if (File.Exists(Path.Combine(candidate, "mapping.yaml")))
                {
                    return candidate;
                }
            }
        }

        var shared = Path.Combine("/work/shared/reference/cases", name);
        return File.Exists(Path.Combine(shared, "mapping.yaml")) ? shared : null;
    }
}
