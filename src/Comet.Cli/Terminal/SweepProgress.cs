using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Comet.Cli.Terminal;

/// <summary>Reports a long sweep's progress: a Spectre.Console bar with rate and ETA when stderr is a terminal, else plain <c>[k/n]</c> lines (every 5 % and at the end), as validate and compare print theirs.</summary>
public static class SweepProgress
{
    /// <summary>Plain lines printed over a whole sweep (one per 5 %).</summary>
    private const int PlainSteps = 20;

    /// <summary>Runs <paramref name="work"/>, which reports (done, total) to the callback it is given, from any thread.</summary>
    public static T Run<T>(string label, TextWriter stderr, Func<Action<long, long>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(stderr);
        var clock = Stopwatch.StartNew();
        if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
            {
                T result = default!;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask(label);
                        result = work((done, total) =>
                        {
                            task.MaxValue = Math.Max(1, total);
                            task.Value = done;
                            task.Description = $"{label} ({Rate(done, clock)}/s)";
                        });
                        task.Value = task.MaxValue;
                    });
                return result;
            }
        }

        var gate = new object();
        var printed = -1L;
        return work((done, total) =>
        {
            lock (gate)
            {
                var step = total == 0 ? PlainSteps : done * PlainSteps / total;
                if (step > printed)
                {
                    printed = step;
                    stderr.WriteLine($"[{done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}] {label} ({Rate(done, clock)}/s)");
                }
            }
        });
    }

    private static string Rate(long done, Stopwatch clock)
        => (done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)).ToString("F0", CultureInfo.InvariantCulture);
}
