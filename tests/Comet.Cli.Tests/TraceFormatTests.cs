using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet simulate --trace-format</c>: which trace files a run writes.</summary>
public class TraceFormatTests : TempFolderTest
{
    [Test]
    public void Simulate_PerfettoOnly_WritesTheProtobufTraceAndNoCsvOrJson_ByteIdenticalOnRerun()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var first = Path.Combine(Root, "first");
        var second = Path.Combine(Root, "second");

        var (code, stdout, stderr) = ValidateCaseFolders.Run([.. ErrorReportingTests.Arguments("simulate", paths, first), "--trace-format", "perfetto"]);
        Assert.That(code, Is.Zero, stderr);
        (code, _, stderr) = ValidateCaseFolders.Run([.. ErrorReportingTests.Arguments("simulate", paths, second), "--trace-format", "perfetto"]);
        Assert.That(code, Is.Zero, stderr);

        var trace = Path.Combine(first, "trace.perfetto-trace");
        Assert.That(stdout, Does.Contain("wrote " + trace));
        Assert.That(File.Exists(Path.Combine(first, "trace.csv")), Is.False);
        Assert.That(File.Exists(Path.Combine(first, "trace.json")), Is.False);
        Assert.That(File.Exists(Path.Combine(first, "timeline.png")), Is.True, "the timeline is drawn from the records, not from the CSV");
        var bytes = File.ReadAllBytes(trace);
        Assert.That(bytes[0], Is.EqualTo(0x0A), "the file is a Trace message: field 1 (packet), length-delimited");
        Assert.That(File.ReadAllBytes(Path.Combine(second, "trace.perfetto-trace")), Is.EqualTo(bytes));
    }

    [Test]
    public void Simulate_DefaultFormats_AreCsvAndJsonOnly()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var outFolder = Path.Combine(Root, "out");
        var (code, _, stderr) = ValidateCaseFolders.Run([.. ErrorReportingTests.Arguments("simulate", paths, outFolder), "--trace", "summary"]);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(File.Exists(Path.Combine(outFolder, "trace.csv")), Is.True);
        Assert.That(File.Exists(Path.Combine(outFolder, "trace.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(outFolder, "trace.perfetto-trace")), Is.False);
    }

    [Test]
    public void Simulate_UnknownTraceFormat_IsOneLineInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = ValidateCaseFolders.Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--trace-format", "csv,protobuf"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain("--trace-format").And.Contain("'protobuf'"));
    }
}
