using System.Diagnostics;
using System.Security.Cryptography;

namespace Comet.Bench;

/// <summary>Output pins: SHA-256 of every corpus case's <c>analyze --json</c> output, <c>summary.json</c> and <c>trace.csv</c>, compared with <c>tests/data/pinned-outputs.tsv</c> so a refactoring can prove it changed no output.</summary>
public static class PinBench
{
    /// <summary>The pin file, relative to the repository root.</summary>
    public const string PinFile = "tests/data/pinned-outputs.tsv";

    /// <summary>Runs the group and returns the exit code: <c>pin [--update] [--only CASE] [--instances free|lockstep] [--reuse cross-invocation|none] [--prefetch next-invocation|none]</c>; 0 when every pin holds (or was rewritten), 1 when one differs.</summary>
    /// <remarks><c>--instances lockstep --reuse none --prefetch none</c> checks the executor's earlier schedule against pins written before issue 12.</remarks>
    public static int Run(string[] args)
    {
        var root = RepositoryRoot();
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        string[] schedule = [.. new[] { "--instances", "--reuse", "--prefetch" }.SelectMany(o => args.SkipWhile(a => a != o).Skip(1).Take(1).Select(v => new[] { o, v })).SelectMany(x => x)];
        var cases = Cases(root).Where(c => only is null || c.Name == only).ToList();
        var watch = Stopwatch.StartNew();
        // Cases run on every core (each run is independent and writes its own folder); the pins keep the cases' order.
        var pins = new string[cases.Count][];
        var done = 0;
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            pins[i] = Pins(cases[i].Name, cases[i].Folder, schedule).ToArray();
            Console.Error.Write($"\r[{Interlocked.Increment(ref done)}/{cases.Count}] {cases[i].Name,-60}");
        });
        var actual = pins.SelectMany(p => p).ToList();

        Console.Error.WriteLine();
        var path = Path.Combine(root, PinFile);
        if (args.Contains("--update"))
        {
            File.WriteAllLines(path, ["case\toutput\tsha256", .. actual]);
            Console.WriteLine($"wrote {actual.Count} pins for {cases.Count} cases to {PinFile} in {watch.Elapsed.TotalSeconds:F0} s");
            return 0;
        }

        var expected = File.ReadAllLines(path).Skip(1).ToDictionary(l => string.Join('\t', l.Split('\t').Take(2)), l => l.Split('\t')[2]);
        var differ = actual.Where(l => expected.GetValueOrDefault(string.Join('\t', l.Split('\t').Take(2))) != l.Split('\t')[2]).ToList();
        foreach (var line in differ)
        {
            Console.WriteLine($"differs: {line}");
        }

        Console.WriteLine($"{actual.Count - differ.Count} of {actual.Count} pins hold ({cases.Count} cases, {watch.Elapsed.TotalSeconds:F0} s)");
        return differ.Count == 0 ? 0 : 1;
    }

    /// <summary>The three pins of one case folder: its analyze output, and its simulation's summary.json and trace.csv (an exit code when a verb fails); only the CSV trace format is written, since trace.json is not pinned.</summary>
    public static IEnumerable<string> Pins(string name, string folder, string[]? schedule = null)
    {
        var analyzeOut = new StringWriter();
        var analyzeCode = Comet.Cli.Program.Run(["analyze", "--case", folder, "--json"], analyzeOut, new StringWriter());
        yield return $"{name}\tanalyze.json\t{(analyzeCode == 0 ? Sha(analyzeOut.ToString()) : $"exit {analyzeCode}")}";
        var outFolder = Path.Combine(Path.GetTempPath(), $"comet-pin-{Environment.ProcessId}-{name}");
        var simulateCode = Comet.Cli.Program.Run(["simulate", "--case", folder, "--trace", "full", "--trace-format", "csv", "--out", outFolder, "--json", .. schedule ?? []], new StringWriter(), new StringWriter());
        foreach (var file in new[] { "summary.json", "trace.csv" })
        {
            var path = Path.Combine(outFolder, file);
            yield return $"{name}\t{file}\t{(simulateCode == 0 && File.Exists(path) ? ShaOfFile(path) : $"exit {simulateCode}")}";
        }

        if (Directory.Exists(outFolder))
        {
            Directory.Delete(outFolder, recursive: true);
        }
    }

    private static IEnumerable<(string Name, string Folder)> Cases(string root)
    {
        var oracle = Path.Combine(root, "tests", "data", "oracle");
        var reference = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "cases"));
        foreach (var (prefix, dir) in new[] { ("oracle/", oracle), ("reference/", reference) })
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var folder in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(folder, "mapping.yaml")))
                {
                    yield return (prefix + Path.GetFileName(folder), folder);
                }
            }
        }
    }

    private static string Sha(string text) => Sha(System.Text.Encoding.UTF8.GetBytes(text));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // A full trace can pass 2 GB, so it is hashed as a stream.
    private static string ShaOfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (no Comet.sln above the current folder)");
    }
}
