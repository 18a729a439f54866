using Comet.Fuzzing;
using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Fuzz;

/// <summary>Mutated reference inputs fed straight to the loaders and the analytical model: each must evaluate or raise <see cref="InputException"/>.</summary>
public class LoaderFuzzTests
{
    private const int Seed = 20251125;
    private const int Cases = 3000;

    [Test]
    public void MutatedReferenceInputs_EvaluateOrRaiseInputException()
    {
        var plan = new FuzzPlan(FuzzCorpus.Runnable(), Seed);
        var loaded = 0;
        var rejected = 0;
        var bugs = new List<(string Signature, string Case, string Message)>();
        for (var i = 0; i < Cases; i++)
        {
            var c = plan.Case(i);
            string Text(string name) => name == c.FileName ? c.Mutation.Text : c.Inputs.Files[name];
            try
            {
                var inputs = CometInputLoader.Parse(Text("arch.yaml"), Text("problem.yaml"), Text("mapping.yaml"), Text("const.yaml"));
                var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(c.Inputs.Flags.Contains("--calc_noc_energy")));
                Assert.That(report, Is.Not.Null);
                loaded++;
            }
            catch (InputException e)
            {
                Assert.That(e.Message, Does.Not.Contain('\n'), c.Describe());
                rejected++;
            }
            catch (Exception e)
            {
                bugs.Add((FuzzSignature.Of(e), c.Describe(), e.Message.ReplaceLineEndings(" ")));
            }
        }

        TestContext.Out.WriteLine($"{Cases} mutations (seed {Seed}): {loaded} evaluated, {rejected} rejected with InputException, {bugs.Count} other exceptions");
        var distinct = bugs.GroupBy(b => b.Signature).Select(g => $"{g.Count()} x {g.Key}: {g.First().Message} -- e.g. {g.First().Case}").ToList();
        foreach (var line in distinct)
        {
            TestContext.Out.WriteLine(line);
        }

        Assert.That(distinct, Is.Empty, $"{bugs.Count} mutations raised something other than InputException");
        Assert.That(rejected, Is.GreaterThan(Cases / 4), "most damage is caught");
        Assert.That(loaded, Is.GreaterThan(0), "some damage is harmless (comments, equal values)");
    }
}
