using System.Runtime.CompilerServices;
using Comet.Hardware.Inputs;
using NUnit.Framework;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Comet.Hardware.Tests.Inputs;

public class BlockYamlScannerTests
{
    [Test]
    public void EveryInputFileInTheRepository_GivesYamlDotNetsEvents()
    {
        var files = InputFiles().ToList();
        Assert.That(files, Has.Count.GreaterThan(100));
        var scanned = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var events = BlockYamlScanner.TryScan(text);
            if (events is null)
            {
                continue;
            }

            scanned++;
            Assert.That(events.Select(Describe), Is.EqualTo(YamlDotNetEvents(text).Select(Describe)), file);
        }

        // The fast path must be the one taken for the inputs we ship, or it buys nothing.
        Assert.That(scanned, Is.EqualTo(files.Count));
    }

    [TestCase("a: 'quoted'\n")]
    [TestCase("a: \"quoted\"\n")]
    [TestCase("a:\nb: 1\n")]
    [TestCase("a: one\n  two\n")]
    [TestCase("a: &x 1\nb: *x\n")]
    [TestCase("a: [1, 2\n")]
    [TestCase("a: {b: 1}\n")]
    [TestCase("---\na: 1\n")]
    [TestCase("a:\n\tb: 1\n")]
    [TestCase("a: 1\n b: 2\n")]
    [TestCase("a: b: c\n")]
    [TestCase("- a\n-\n")]
    [TestCase("\uFEFFa: 1\n")]
    public void YamlItDoesNotCover_IsLeftToYamlDotNet(string text)
        => Assert.That(BlockYamlScanner.TryScan(text), Is.Null);

    [Test]
    public void IndentlessSequenceCommentsAndNestedFlows_MatchYamlDotNet()
    {
        const string text = "# head\nroot:\n  list:\n  - x: [[M], [N, K]]   # trailing\n    y: M=[1,2] N=[3]\n  - plain value\n  z:  7 \n";
        Assert.That(BlockYamlScanner.TryScan(text)!.Select(Describe), Is.EqualTo(YamlDotNetEvents(text).Select(Describe)));
    }

    private static List<ParsingEvent> YamlDotNetEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        return events;
    }

    // What the representation model keeps: kinds, values, styles and start positions of nodes.
    private static string Describe(ParsingEvent e) => e switch
    {
        Scalar s => $"scalar '{s.Value}' {s.Style} {s.IsPlainImplicit} {s.IsQuotedImplicit} {s.Tag} {s.Anchor} @{s.Start.Line}:{s.Start.Column}#{s.Start.Index}",
        MappingStart m => $"map {m.Style} {m.IsImplicit} {m.Tag} {m.Anchor} @{m.Start.Line}:{m.Start.Column}#{m.Start.Index}",
        SequenceStart q => $"seq {q.Style} {q.IsImplicit} {q.Tag} {q.Anchor} @{q.Start.Line}:{q.Start.Column}#{q.Start.Index}",
        _ => e.GetType().Name,
    };

    private static IEnumerable<string> InputFiles([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "repository root");
        foreach (var folder in new[] { "examples", Path.Combine("tests", "data") })
        {
            var path = Path.Combine(dir!.FullName, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories))
                {
                    yield return file;
                }
            }
        }
    }
}
