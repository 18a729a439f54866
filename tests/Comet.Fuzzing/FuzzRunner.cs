namespace Comet.Fuzzing;

/// <summary>Runs fuzz cases through the command line and classifies each: evaluated, input error (exit 2, one <c>error:</c> line, nothing written), or a bug.</summary>
public sealed class FuzzRunner
{
    /// <summary>The exit code of an input error.</summary>
    public const int InputErrorExitCode = 2;

    private readonly CliEntryPoint _cli;
    private readonly Func<FuzzCase, IReadOnlyDictionary<string, string>, string, string[]> _arguments;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a runner calling <paramref name="cli"/> with the arguments <paramref name="arguments"/> builds from a case, its file paths and an output folder.</summary>
    public FuzzRunner(CliEntryPoint cli, Func<FuzzCase, IReadOnlyDictionary<string, string>, string, string[]> arguments, TimeSpan timeout)
    {
        _cli = cli ?? throw new ArgumentNullException(nameof(cli));
        _arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        _timeout = timeout;
    }

    /// <summary>Arguments for a verb taking the four COMET files (<c>analyze</c>, <c>simulate</c>): the files, the case's flags and, when the verb writes files, <c>--out</c>.</summary>
    public static Func<FuzzCase, IReadOnlyDictionary<string, string>, string, string[]> VerbArguments(string verb, bool writesFiles) =>
        (fuzzCase, paths, outFolder) =>
        [
            verb,
            "--arch", paths["arch.yaml"],
            "--problem", paths["problem.yaml"],
            "--mapping", paths["mapping.yaml"],
            "--constants", paths["const.yaml"],
            .. fuzzCase.Inputs.Flags,
            .. writesFiles ? new[] { "--out", outFolder } : [],
        ];

    /// <summary>Whether a verb writes an output folder (and so takes <c>--out</c>): <c>simulate</c> and <c>run</c> do, <c>analyze</c> prints.</summary>
    public static bool WritesFiles(string verb) => verb is "simulate" or "run";

    /// <summary>Runs cases 0 … <paramref name="count"/>−1 of <paramref name="plan"/> on up to <paramref name="parallelism"/> threads; results come back in index order.</summary>
    public IReadOnlyList<FuzzResult> RunMany(FuzzPlan plan, int count, string workRoot, int parallelism, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new FuzzResult?[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = token };
        try
        {
            Parallel.For(0, count, options, i => results[i] = Run(plan.Case(i), Path.Combine(workRoot, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        catch (OperationCanceledException)
        {
            // A cancelled soak still reports the cases it finished.
        }

        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    /// <summary>Writes the case's files under <paramref name="workFolder"/>, runs the command line and classifies what happened; the folder is deleted afterwards.</summary>
    public FuzzResult Run(FuzzCase fuzzCase, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        try
        {
            var paths = fuzzCase.WriteTo(workFolder);
            var outFolder = Path.Combine(workFolder, "out");
            var args = _arguments(fuzzCase, paths, outFolder);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var run = Task.Factory.StartNew(() => _cli(args, stdout, stderr), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (!run.Wait(_timeout))
            {
                return new FuzzResult(fuzzCase, FuzzOutcome.Hang, -1, $"no exit after {_timeout.TotalSeconds:F0} s", "hang");
            }

            var code = run.Result;
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (code == 0)
            {
                return new FuzzResult(fuzzCase, FuzzOutcome.Evaluated, code, string.Empty);
            }

            var problem = code != InputErrorExitCode ? $"exit code {code}"
                : lines.Length != 1 ? $"{lines.Length} stderr lines"
                : !lines[0].StartsWith("error: ", StringComparison.Ordinal) ? "stderr does not start with 'error: '"
                : lines[0].Contains(" at ", StringComparison.Ordinal) && lines[0].Contains("()", StringComparison.Ordinal) ? "stack trace on stderr"
                : WroteOutput(workFolder, outFolder) ? "output written despite the error"
                : null;
            if (problem is null)
            {
                return new FuzzResult(fuzzCase, FuzzOutcome.InputError, code, lines[0]);
            }

            var (signature, detail) = Rerun(args, workFolder);
            return new FuzzResult(fuzzCase, FuzzOutcome.Crash, code, $"{problem}: {string.Join(" | ", lines.Take(3))}{detail}", signature ?? problem);
        }
        finally
        {
            TryDelete(workFolder);
        }
    }

    private static bool WroteOutput(string workFolder, string outFolder)
    {
        if (Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
        {
            return true;
        }

        // Only the four inputs may remain: no temporary run folder, no stray file.
        return Directory.EnumerateFileSystemEntries(workFolder).Count(e => e != outFolder) > FuzzInputSet.FileNames.Count;
    }

    /// <summary>Reruns with <c>--verbose</c>, which lets an internal exception escape, to name its type and top frame.</summary>
    private (string? Signature, string Detail) Rerun(string[] args, string workFolder)
    {
        var outFolder = Path.Combine(workFolder, "out-verbose");
        var verbose = args.Select(a => a == Path.Combine(workFolder, "out") ? outFolder : a).Append("--verbose").ToArray();
        try
        {
            var run = Task.Factory.StartNew(() => _cli(verbose, new StringWriter(), new StringWriter()), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            run.Wait(_timeout);
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is { } e)
        {
            var signature = FuzzSignature.Of(e);
            return (signature, $" || {signature}: {e.Message.ReplaceLineEndings(" ")}");
        }

        return (null, string.Empty);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
