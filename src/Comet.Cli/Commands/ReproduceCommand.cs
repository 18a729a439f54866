using System.CommandLine;
using System.Globalization;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Plots;
using Comet.Reports.Output;
using Comet.Reports.Reproduce;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet reproduce</c> verb: the paper's fused-vs-unfused claim for every compound operation, preset and shape, by the model and by the simulator (docs/reproduce.md).</summary>
public static class ReproduceCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("reproduce", "For every compound operation × {edge, cloud} × shapes: best fused vs best unfused, speedup by the model and by the simulator, energy ratio and DRAM-traffic ratio, and the mechanism that accounts for a simulated speedup differing from the model's; writes reproduce.csv, reproduce.md, speedups.png and the cases under cases/; --json prints {\"rows\":[{\"op\",\"preset\",\"shape\",\"speedup_analytic\",\"speedup_simulated\",\"energy_ratio\",\"dram_traffic_ratio\",…}]}.");
        var options = new ReproduceOptions(
            new Option<bool>("--quick") { Description = "Only one shape per operation and preset (the first of each preset's list)." },
            new Option<string?>("--out") { Description = "Output folder (default traces/reproduce/)." },
            new Option<long>("--max-events") { Description = "Event budget of each simulation; a case that needs more gets no simulated figures and its row says so.", DefaultValueFactory = _ => ReproduceSweep.DefaultMaxEvents },
            new Option<int>("--jobs") { Description = "Simulations run at once (the output does not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount },
            CommonOptions.Json(),
            new Option<int?>("--top") { Description = $"Candidates of each search simulated and re-ranked by simulated cycles (default {SearchBestCase.DefaultTop}; with --quick {SearchBestCase.QuickTop}: the model's best, to keep --quick within a minute)." },
            new Option<bool>("--default-rule") { Description = "Take every case from the generator's default tile-factor rule instead of searching (faster; no searches/ folder)." });
        command.Options.Add(options.Quick);
        command.Options.Add(options.Out);
        command.Options.Add(options.MaxEvents);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Json);
        command.Options.Add(options.Top);
        command.Options.Add(options.DefaultRule);
        command.SetAction(parse => Execute(parse, options, stdout, stderr, interrupt));
        return command;
    }

    private static int Execute(ParseResult parse, ReproduceOptions options, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var maxEvents = parse.GetValue(options.MaxEvents);
        var jobs = parse.GetValue(options.Jobs);
        var top = parse.GetValue(options.Top) ?? (parse.GetValue(options.Quick) ? SearchBestCase.QuickTop : SearchBestCase.DefaultTop);
        if (maxEvents < 1 || jobs < 1 || top < 1)
        {
            throw new InputException(maxEvents < 1 ? "--max-events" : jobs < 1 ? "--jobs" : "--top", string.Empty, "must be at least 1");
        }

        using var dir = OutputDirectory.Begin(parse.GetValue(options.Out) ?? Path.Combine("traces", "reproduce"));
        using var ctrlC = CtrlC.Install(interrupt);
        var gate = new object();
        IBestCaseSource source = parse.GetValue(options.DefaultRule)
            ? new DefaultRuleBestCase()
            : new SearchBestCase(top, jobs, maxEvents, dir.PathFor, new DefaultRuleBestCase(), line =>
            {
                lock (gate)
                {
                    stderr.WriteLine(line);
                }
            }, ctrlC.Token);
        var plans = ReproduceSweep.Plan(source, parse.GetValue(options.Quick), dir.PathFor);
        var rows = ReproduceSweep.Run(plans, maxEvents, jobs, (done, total) =>
        {
            lock (gate)
            {
                stderr.WriteLine($"[{done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}] simulations");
            }
        }, ctrlC.Token);

        File.WriteAllText(dir.PathFor("reproduce.csv"), ReproduceCsv.Write(rows));
        var markdown = ReproduceMarkdown.Write(rows);
        File.WriteAllText(dir.PathFor("reproduce.md"), markdown);
        SpeedupPlot.Render(rows, dir.PathFor("speedups.png"), "Fused over unfused: the model, the simulator and the paper's maxima");
        dir.Commit(RunInfo.Capture("reproduce", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        if (parse.GetValue(options.Json))
        {
            stdout.Write(ReproduceJson.Write(rows));
        }
        else
        {
            stdout.Write(markdown);
            stdout.WriteLine();
            stdout.WriteLine($"wrote {dir.FinalPath}{Path.DirectorySeparatorChar} (reproduce.csv, reproduce.md, speedups.png, cases/{(parse.GetValue(options.DefaultRule) ? string.Empty : ", searches/")})");
        }

        return ValidateCommand.Stopped(ctrlC, stderr);
    }

    private sealed record ReproduceOptions(Option<bool> Quick, Option<string?> Out, Option<long> MaxEvents, Option<int> Jobs, Option<bool> Json, Option<int?> Top, Option<bool> DefaultRule);
}
