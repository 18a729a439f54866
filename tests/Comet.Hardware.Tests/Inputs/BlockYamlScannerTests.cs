using System.Runtime.CompilerServices;
using System.Text;
using Comet.Hardware.Inputs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Inputs;

public class BlockYamlScannerTests
{
    [Test]
    public void EveryYamlFileInTheCorpus_GivesYamlDotNetsTree()
    {
        var files = CorpusFiles().ToList();
        Assert.That(files, Has.Count.GreaterThan(1000));
        var scanned = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var tree = BlockYamlScanner.TryScan(text);
            if (tree is null)
            {
                continue;
            }

            scanned++;
            Assert.That(Dump(tree), Is.EqualTo(Dump(YamlDotNetReader.Read(text))), file);
        }

        // The fast path must be the one taken for the inputs we ship, or it buys nothing.
        Assert.That(scanned, Is.EqualTo(files.Count));
    }

    [Test]
    public void DamagedCorpusFiles_GiveTheSameTreeOrTheSameErrorEitherWay()
    {
        // Every 8th corpus file, ten of its lines (the same ones on every run) damaged in each of the ways below: whatever
        // the scanner accepts must be YamlDotNet's tree, and whatever it declines must reach YamlDotNet, so the outcome never
        // depends on the path.
        string[] damages = ["delete", "duplicate", "indent", "outdent", "colon", "dash", "bracket", "quote", "empty value", "tab"];
        var files = CorpusFiles().Where((_, i) => i % 8 == 0).ToList();
        var random = new Random(15);
        var compared = 0;
        var rejected = 0;
        foreach (var file in files)
        {
            var lines = File.ReadAllText(file).Split('\n');
            for (var pick = 0; pick < 10; pick++)
            {
                var l = random.Next(lines.Length);
                foreach (var damage in damages)
                {
                    var text = string.Join('\n', Damage(lines, l, damage));
                    var (fast, fastError) = Outcome(text, scanFirst: true);
                    var (slow, slowError) = Outcome(text, scanFirst: false);
                    Assert.That((fast, fastError), Is.EqualTo((slow, slowError)), $"{file}, line {l + 1}, {damage}");
                    compared++;
                    rejected += slowError is null ? 0 : 1;
                }
            }
        }

        // Both kinds of outcome are exercised: many damaged files still parse, many are syntax errors.
        Assert.That(rejected, Is.GreaterThan(compared / 10).And.LessThan(compared * 9 / 10));
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
    [TestCase("a: 1\nb: 2\na: 3\n")]
    public void YamlItDoesNotCover_IsLeftToYamlDotNet(string text)
        => Assert.That(BlockYamlScanner.TryScan(text), Is.Null);

    [Test]
    public void IndentlessSequenceCommentsAndNestedFlows_MatchYamlDotNet()
    {
        const string text = "# head\nroot:\n  list:\n  - x: [[M], [N, K]]   # trailing\n    y: M=[1,2] N=[3]\n  - plain value\n  z:  7 \n";
        Assert.That(Dump(BlockYamlScanner.TryScan(text)), Is.EqualTo(Dump(YamlDotNetReader.Read(text))));
    }

    [Test]
    public void Nodes_StartWhereTheirTextStarts()
    {
        var root = (YamlMappingNode)BlockYamlScanner.TryScan("a:\n  - x\n  - [y, z]\nb: 7\n")!;
        var list = (YamlSequenceNode)root.Children[0].Value;
        var flow = (YamlSequenceNode)list.Children[1];
        Assert.Multiple(() =>
        {
            Assert.That(root.Start, Is.EqualTo(new YamlMark(1, 1)));
            Assert.That(list.Start, Is.EqualTo(new YamlMark(2, 3)));
            Assert.That(flow.Start, Is.EqualTo(new YamlMark(3, 5)));
            Assert.That(flow.Children[1].Start, Is.EqualTo(new YamlMark(3, 9)));
            Assert.That(((YamlScalarNode)root.Children[1].Value).Value, Is.EqualTo("7"));
            Assert.That(root.Children[1].Key.Start, Is.EqualTo(new YamlMark(4, 1)));
        });
    }

    [Test]
    public void DuplicateKey_IsYamlDotNetsPositionedError()
    {
        var error = Assert.Throws<InputException>(() => YamlFile.Parse("a: 1\nb: 2\na: 3\n", "x.yaml"))!;
        Assert.That((error.Line, error.Column, error.Message), Is.EqualTo((3L, 1L, "x.yaml:3:1: YAML syntax: duplicate key a")));
    }

    private static IEnumerable<string> Damage(string[] lines, int l, string damage)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i != l)
            {
                yield return line;
                continue;
            }

            var trimmed = line.TrimStart();
            var indent = line[..(line.Length - trimmed.Length)];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            switch (damage)
            {
                case "delete":
                    break;
                case "duplicate":
                    yield return line;
                    yield return line;
                    break;
                case "indent":
                    yield return " " + line;
                    break;
                case "outdent":
                    yield return indent.Length > 0 ? line[1..] : line;
                    break;
                case "colon":
                    yield return line + ": x";
                    break;
                case "dash":
                    yield return indent + "- " + trimmed;
                    break;
                case "bracket":
                    yield return line.Contains('[', StringComparison.Ordinal) ? line.Replace("]", string.Empty, StringComparison.Ordinal) : line + " [";
                    break;
                case "quote":
                    yield return colon > 0 ? line[..(colon + 1)] + " 'q'" : line + "'";
                    break;
                case "empty value":
                    yield return colon > 0 ? line[..(colon + 1)] : line;
                    break;
                case "tab":
                    yield return "\t" + line;
                    break;
                default:
                    throw new ArgumentException(damage);
            }
        }
    }

    // The tree or the error message a parse ends in.
    private static (string? Tree, string? Error) Outcome(string text, bool scanFirst)
    {
        try
        {
            return (Dump(YamlFile.Parse(text, "x.yaml", scanFirst).Root), null);
        }
        catch (InputException e)
        {
            return (null, e.Message);
        }
    }

    // What the loaders read: kinds, values and start positions of nodes.
    private static string Dump(YamlNode? node)
    {
        var text = new StringBuilder();
        Write(node, text, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        return text.ToString();
    }

    private static void Write(YamlNode? node, StringBuilder text, HashSet<YamlNode> open)
    {
        if (node is not null && !open.Add(node))
        {
            text.Append("<cycle>");
            return;
        }

        switch (node)
        {
            case null:
                text.Append("<none>");
                break;
            case YamlScalarNode s:
                text.Append($"'{s.Value}'@{s.Start.Line}:{s.Start.Column}");
                break;
            case YamlSequenceNode q:
                text.Append($"[@{q.Start.Line}:{q.Start.Column}");
                foreach (var item in q.Children)
                {
                    text.Append(' ');
                    Write(item, text, open);
                }

                text.Append(']');
                break;
            case YamlMappingNode m:
                text.Append($"{{@{m.Start.Line}:{m.Start.Column}");
                foreach (var (key, value) in m.Children)
                {
                    text.Append(' ');
                    Write(key, text, open);
                    text.Append(": ");
                    Write(value, text, open);
                }

                text.Append('}');
                break;
        }

        if (node is not null)
        {
            open.Remove(node);
        }
    }

    // Every YAML file of the repository's examples and test data, and of the shared reference cases when they are beside it.
    private static IEnumerable<string> CorpusFiles([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "repository root");
        foreach (var folder in new[] { "examples", Path.Combine("tests", "data"), Path.Combine("..", "shared", "reference", "cases") })
        {
            var path = Path.Combine(dir!.FullName, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }
}
