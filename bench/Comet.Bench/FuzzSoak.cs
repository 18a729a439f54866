using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Fuzzing;

namespace Comet.Bench;

/// <summary>Fuzz soak: mutates the runnable reference inputs and runs each through the <c>comet</c> command line, counting crashes (any outcome but success or a one-line input error).</summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/Comet.Bench -- fuzz [--count N] [--seed S] [--verb analyze|simulate] [--corpus reference|oracle|all] [--jobs J] [--timeout SECONDS] [--cases DIR] [--json]</c>;
/// <c>--case NAME</c> (repeatable) keeps only the named cases (e.g. <c>--verb simulate --case gemm_only</c>, whose simulation
/// takes a second where <c>im_cloud…</c> takes minutes); <c>--write-case INDEX DIR</c> writes one case's files instead of running anything.
/// The default corpus is the five runnable reference cases; <c>oracle</c> adds the completed cases of <c>tests/data/oracle</c>.
/// Exit code 0 when no case crashed or hung, 1 otherwise, 2 for bad arguments.
/// </remarks>
public static class FuzzSoak
{
    /// <summary>The soak's default seed (the test suite uses another, so the two cover different cases).</summary>
    public const int DefaultSeed = 777;

    /// <summary>Runs the soak and returns the exit code.</summary>
    public static int Run(string[] args)
    {
        var count = 10_000;
        var seed = DefaultSeed;
        var verb = "analyze";
        var jobs = Environment.ProcessorCount;
        var timeout = 30.0;
        string? cases = null;
        var corpusName = "reference";
        var only = new List<string>();
        int? reproIndex = null;
        string? reproFolder = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--count": count = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--verb": verb = Next(); break;
                    case "--jobs": jobs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--timeout": timeout = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--cases": cases = Next(); break;
                    case "--corpus": corpusName = Next(); break;
                    case "--case": only.Add(Next()); break;
                    case "--write-case":
                        reproIndex = int.Parse(Next(), CultureInfo.InvariantCulture);
                        reproFolder = Next();
                        break;
                    case "--json": json = true; break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"error: fuzz: {e.Message}");
                return 2;
            }
        }

        cases ??= FindCases();
        if (cases is null || !Directory.Exists(cases))
        {
            Console.Error.WriteLine("error: fuzz: reference cases not found (looked for ../shared/reference/cases beside the folder holding Comet.sln); pass --cases DIR");
            return 2;
        }

        var oracle = Path.GetFullPath(Path.Combine(cases, "..", "..", "..", "main", "tests", "data", "oracle"));
        var repository = FindRepository();
        if (repository is not null)
        {
            oracle = Path.Combine(repository, "tests", "data", "oracle");
        }

        IReadOnlyList<FuzzInputSet> corpus = corpusName switch
        {
            "reference" => FuzzInputSet.LoadRunnable(cases),
            "oracle" when Directory.Exists(oracle) => FuzzInputSet.LoadOracle(oracle),
            "all" when Directory.Exists(oracle) => [.. FuzzInputSet.LoadRunnable(cases), .. FuzzInputSet.LoadOracle(oracle)],
            _ => [],
        };
        if (only.Count > 0)
        {
            corpus = corpus.Where(c => only.Contains(c.Name)).ToList();
        }

        if (corpus.Count == 0)
        {
            Console.Error.WriteLine($"error: fuzz: corpus '{corpusName}' is empty or unknown (reference, oracle or all; oracle is read from {oracle})");
            return 2;
        }

        var plan = new FuzzPlan(corpus, seed);
        if (reproIndex is { } index && reproFolder is not null)
        {
            // Writes one case's four files (one mutated) so a finding can be rerun by hand with 'comet analyze --verbose'.
            var repro = plan.Case(index);
            repro.WriteTo(reproFolder);
            Console.WriteLine(repro.Describe());
            Console.WriteLine($"wrote {reproFolder}/{{arch,problem,mapping,const}}.yaml; flags: {string.Join(' ', repro.Inputs.Flags)}");
            return 0;
        }

        var runner = new FuzzRunner(Comet.Cli.Program.Run, FuzzRunner.VerbArguments(verb, FuzzRunner.WritesFiles(verb)), TimeSpan.FromSeconds(timeout));
        var work = Path.Combine(Path.GetTempPath(), $"comet-fuzz-{Environment.ProcessId}");
        var clock = Stopwatch.StartNew();
        IReadOnlyList<FuzzResult> results;
        try
        {
            results = runner.RunMany(plan, count, work, jobs);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var summary = FuzzSummary.Of(seed, results);
        var seconds = clock.Elapsed.TotalSeconds;
        var signatures = summary.Bugs
            .GroupBy(b => b.Signature)
            .Select(g => new { signature = g.Key, count = g.Count(), example = g.First().Case.Describe(), message = g.First().Message })
            .OrderByDescending(g => g.count)
            .ToList();
        if (json)
        {
            var report = new
            {
                group = "fuzz",
                verb,
                seed,
                cases = summary.Cases,
                corpus = corpus.Select(c => c.Name).ToArray(),
                outcomes = summary.ByOutcome.ToDictionary(p => p.Key.ToString(), p => p.Value),
                kinds = summary.ByKind.ToDictionary(p => p.Key.ToString(), p => p.Value),
                bugs = summary.Bugs.Count,
                signatures,
                bugCases = summary.Bugs.Take(200).Select(b => new { b.Case.Index, mutation = b.Case.Describe(), outcome = b.Outcome.ToString(), b.ExitCode, b.Message }),
                seconds = Math.Round(seconds, 2),
                casesPerSecond = Math.Round(summary.Cases / Math.Max(seconds, 1e-9), 1),
            };
            Console.WriteLine(JsonSerializer.Serialize(report));
        }
        else
        {
            Console.WriteLine($"fuzz: {summary.Cases} mutations of {corpus.Count} {corpusName} cases through 'comet {verb}', seed {seed}, {seconds:F1} s ({summary.Cases / Math.Max(seconds, 1e-9):F0}/s)");
            Console.WriteLine("  outcomes: " + string.Join(", ", summary.ByOutcome.Select(p => $"{p.Key} {p.Value}")));
            Console.WriteLine("  kinds:    " + string.Join(", ", summary.ByKind.Select(p => $"{p.Key} {p.Value}")));
            Console.WriteLine($"  bugs: {summary.Bugs.Count} cases, {signatures.Count} distinct");
            foreach (var s in signatures)
            {
                Console.WriteLine($"    {s.count} x {s.signature}");
                Console.WriteLine($"      e.g. {s.example}");
                Console.WriteLine($"      {s.message}");
            }
        }

        return summary.Bugs.Count == 0 ? 0 : 1;
    }

    private static string? FindCases()
    {
        var repository = FindRepository();
        return repository is null ? null : Path.GetFullPath(Path.Combine(repository, "..", "shared", "reference", "cases"));
    }

    private static string? FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
