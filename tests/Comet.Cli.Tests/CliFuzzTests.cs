using Comet.Fuzzing;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>Mutated reference inputs through the real command line: every case either evaluates (exit 0) or is an input error (exit 2, one line, nothing written).</summary>
public class CliFuzzTests
{
    private const int Seed = 4242;

    [Test]
    public void UnmutatedReferenceCases_Evaluate()
    {
        foreach (var inputs in FuzzInputSet.LoadRunnable(ReferenceCases.CasesRoot))
        {
            var folder = Path.Combine(Path.GetTempPath(), "comet-clifuzz-" + Guid.NewGuid().ToString("N"));
            try
            {
                var paths = new Dictionary<string, string>();
                Directory.CreateDirectory(folder);
                foreach (var (name, text) in inputs.Files)
                {
                    paths[name] = Path.Combine(folder, name);
                    File.WriteAllText(paths[name], text);
                }

                var stderr = new StringWriter();
                var args = ErrorReportingTests.Arguments("analyze", paths, Path.Combine(folder, "out")).Concat(inputs.Flags).ToArray();
                Assert.That(CometCli.Run(args, new StringWriter(), stderr), Is.Zero, $"{inputs.Name}: {stderr}");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [TestCase("analyze", 2500)]
    public void MutatedReferenceInputs_EvaluateOrFailWithOneInputErrorLine(string verb, int count)
    {
        var corpus = FuzzInputSet.LoadRunnable(ReferenceCases.CasesRoot);
        Assert.That(corpus, Has.Count.EqualTo(5), "the five runnable reference cases");
        var plan = new FuzzPlan(corpus, Seed);
        var runner = new FuzzRunner(Program.Run, FuzzRunner.VerbArguments(verb, FuzzRunner.WritesFiles(verb)), TimeSpan.FromSeconds(60));
        var work = Path.Combine(Path.GetTempPath(), "comet-clifuzz-" + Guid.NewGuid().ToString("N"));
        IReadOnlyList<FuzzResult> results;
        try
        {
            results = runner.RunMany(plan, count, work, Environment.ProcessorCount);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var summary = FuzzSummary.Of(Seed, results);
        TestContext.Out.WriteLine($"{summary.Cases} mutations through 'comet {verb}' (seed {Seed}): " + string.Join(", ", summary.ByOutcome.Select(p => $"{p.Key} {p.Value}")));
        var distinct = summary.Bugs.GroupBy(b => b.Signature).Select(g => $"{g.Count()} x {g.Key} -- e.g. {g.First().Case.Describe()} -- {g.First().Message}").ToList();
        foreach (var line in distinct)
        {
            TestContext.Out.WriteLine(line);
        }

        Assert.That(summary.Cases, Is.EqualTo(count));
        Assert.That(distinct, Is.Empty, $"{summary.Bugs.Count} cases crashed or hung");
        Assert.That(summary.ByOutcome[FuzzOutcome.InputError], Is.GreaterThan(count / 4), "most damage is caught as an input error");
        Assert.That(summary.ByOutcome[FuzzOutcome.Evaluated], Is.GreaterThan(0), "some damage is harmless");
        Assert.That(results.Where(r => r.Outcome == FuzzOutcome.InputError).All(r => r.Message.StartsWith("error: ", StringComparison.Ordinal)));
    }
}
