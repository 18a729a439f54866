using System.Text;
using Comet.Fuzzing;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace Comet.Workloads.Tests.Fuzz;

public class YamlMutatorTests
{
    private const string Constants = "const:\n  # DRAM\n  MA_DRAM: 4\n  N_DRAM_X: 2\n  M_TP: 4 # tile\n";

    [Test]
    public void Corpus_HoldsTheFiveRunnableReferenceCases()
    {
        var corpus = FuzzCorpus.Runnable();
        Assert.That(corpus.Select(c => c.Name), Is.EqualTo(new[]
        {
            "ex_base", "ex_base_noc", "gemm_only", "im_cloud_M2048N2048K256_0", "im_edge_M256N256K128_0",
        }));
        Assert.That(corpus.Single(c => c.Name == "ex_base_noc").Flags, Is.EqualTo(new[] { "--calc_noc_energy" }));
        Assert.That(corpus.All(c => c.Files.Count == 4));
    }

    [Test]
    public void Plan_SameSeedAndIndex_GivesTheSameBytes()
    {
        var corpus = FuzzCorpus.Runnable();
        var a = new FuzzPlan(corpus, 42);
        var b = new FuzzPlan(corpus, 42);
        for (var i = 0; i < 200; i++)
        {
            var x = a.Case(i);
            var y = b.Case(199 - (199 - i));
            Assert.That(x.Mutation.Content, Is.EqualTo(y.Mutation.Content));
            Assert.That(x.Describe(), Is.EqualTo(y.Describe()));
        }

        Assert.That(new FuzzPlan(corpus, 43).Case(0).Describe(), Is.Not.EqualTo(a.Case(0).Describe()).Or.Not.EqualTo(a.Case(1).Describe()));
    }

    [Test]
    public void Plan_ThousandCases_CoverEveryKindFileAndCase()
    {
        var plan = new FuzzPlan(FuzzCorpus.Runnable(), 1);
        var cases = Enumerable.Range(0, 1000).Select(plan.Case).ToList();
        Assert.That(cases.Select(c => c.Mutation.Kind).Distinct().Count(), Is.EqualTo(Enum.GetValues<YamlMutationKind>().Length));
        Assert.That(cases.Select(c => c.FileName).Distinct().Count(), Is.EqualTo(4));
        Assert.That(cases.Select(c => c.Inputs.Name).Distinct().Count(), Is.EqualTo(5));
        Assert.That(cases.Count(c => c.Mutation.Content.SequenceEqual(Encoding.UTF8.GetBytes(c.Inputs.Files[c.FileName]))), Is.LessThan(10), "nearly every mutation changes the file");
    }

    [Test]
    public void DeleteKey_RemovesTheKeyLineAndKeepsTheRest()
    {
        var m = YamlMutator.Mutate(Constants, YamlMutationKind.DeleteKey, new Random(3));
        var before = Keys(Constants);
        var after = Keys(m.Text);
        Assert.That(after, Has.Count.EqualTo(before.Count - 1).Or.Count.EqualTo(0), m.Description);
        Assert.That(m.Text, Does.Contain("# DRAM"));
        Assert.That(m.Description, Does.StartWith("DeleteKey const"));
    }

    [Test]
    public void DuplicateKey_RepeatsAKeyAtTheSameIndent()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var m = YamlMutator.Mutate(Constants, YamlMutationKind.DuplicateKey, new Random(seed));
            var key = m.Description.Split(' ')[1]; // "const.MA_DRAM"
            var name = key.Split('.').Last();
            Assert.That(m.Text.Split('\n').Count(l => l.TrimStart().StartsWith(name + ":", StringComparison.Ordinal)), Is.EqualTo(2), m.Text);
        }
    }

    [Test]
    public void DuplicateKey_OfAListItemsFirstKey_MakesASiblingKey()
    {
        const string text = "items:\n  - name: GEMM\n    class: mac\n";
        var seen = false;
        for (var seed = 0; seed < 40 && !seen; seed++)
        {
            var m = YamlMutator.Mutate(text, YamlMutationKind.DuplicateKey, new Random(seed));
            if (m.Description.Contains("items[0].name", StringComparison.Ordinal))
            {
                Assert.That(m.Text, Is.EqualTo("items:\n  - name: GEMM\n    name: GEMM\n    class: mac\n"));
                seen = true;
            }
        }

        Assert.That(seen, Is.True);
    }

    [TestCase(YamlMutationKind.ZeroNumber, "0")]
    [TestCase(YamlMutationKind.HugeNumber, null)]
    [TestCase(YamlMutationKind.NegativeNumber, null)]
    [TestCase(YamlMutationKind.FractionalNumber, null)]
    public void NumberMutations_ReplaceOneNumberToken(YamlMutationKind kind, string? expected)
    {
        const string text = "mapping:\n  factors: M=[4,1,1] N=[2,2,1]\n  depth: 4096\n";
        for (var seed = 0; seed < 30; seed++)
        {
            var m = YamlMutator.Mutate(text, kind, new Random(seed));
            var replacement = m.Description.Split(" -> ").Last().Trim('\'');
            if (expected is not null)
            {
                Assert.That(replacement, Is.EqualTo(expected));
            }

            var values = Values(m.Text);
            Assert.That(values, Has.Count.EqualTo(2), "the structure is unchanged");
            Assert.That(values.Count(v => v.Contains(replacement, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), m.Description);
            Assert.That(m.Kind, Is.EqualTo(kind));
        }
    }

    [Test]
    public void Truncate_KeepsAPrefix()
    {
        var m = YamlMutator.Mutate(Constants, YamlMutationKind.Truncate, new Random(5));
        Assert.That(Constants.StartsWith(m.Text, StringComparison.Ordinal), Is.True, "the truncated file is a prefix of the original");
        Assert.That(m.Content.Length, Is.LessThan(Encoding.UTF8.GetByteCount(Constants)));
    }

    [Test]
    public void ByteFlip_ChangesOneToFourBytesInPlace()
    {
        var original = Encoding.UTF8.GetBytes(Constants);
        for (var seed = 0; seed < 50; seed++)
        {
            var m = YamlMutator.Mutate(Constants, YamlMutationKind.ByteFlip, new Random(seed));
            Assert.That(m.Content, Has.Length.EqualTo(original.Length));
            Assert.That(m.Content.Zip(original).Count(p => p.First != p.Second), Is.InRange(0, 4));
        }
    }

    [Test]
    public void RenameKey_MisspellsTheKey()
    {
        var m = YamlMutator.Mutate(Constants, YamlMutationKind.RenameKey, new Random(11));
        var parts = m.Description.Split('\'');
        Assert.That(parts[1], Is.Not.EqualTo(parts[3]));
        Assert.That(Keys(m.Text), Does.Contain(parts[3]));
        Assert.That(Keys(m.Text), Does.Not.Contain(parts[1]));
    }

    [Test]
    public void NotYaml_FallsBackToByteDamage()
    {
        var m = YamlMutator.Mutate("a: [1, 2\n", YamlMutationKind.DeleteKey, new Random(1));
        Assert.That(m.Kind, Is.AnyOf(YamlMutationKind.Truncate, YamlMutationKind.ByteFlip));
    }

    private static List<string> Keys(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return root.Children.Values.OfType<YamlMappingNode>().SelectMany(m => m.Children.Keys).Select(k => ((YamlScalarNode)k).Value!).ToList();
    }

    private static List<string> Values(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlMappingNode)root.Children.Values.Single()).Children.Values.Select(v => ((YamlScalarNode)v).Value!).ToList();
    }
}
