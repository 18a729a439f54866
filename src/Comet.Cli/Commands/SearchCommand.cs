using System.CommandLine;
using System.Globalization;
using Comet.Cli.Cancellation;
using Comet.Cli.Terminal;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.Search;
using Comet.Reports.Sweeps;
using Comet.Workloads.Generation;
using Comet.Workloads.Search;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet search</c> verb: enumerates a compound operation's tilings, prunes those that do not fit, costs the rest with the analytical model in parallel, and simulates the best.</summary>
public static class SearchCommand
{
    /// <summary>Creates the verb with its arguments and options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("search", "Search a compound operation's tilings on a preset (docs/search.md): prune those that do not fit, cost the rest with the analytical model, simulate the best --top; write search.csv, best/, top/ and search.png (with --shard k/n: a shard folder for comet merge).");
        var op = new Argument<string>("OP") { Description = "The operation: " + string.Join(", ", CompoundTemplates.All.OfType<ISearchableTemplate>().Select(t => ((ICompoundTemplate)t).Name)) + "." };
        var o = new SearchOptions(
            CommonOptions.Preset(),
            new Option<string?>("--shape") { Description = "The operation's sizes, e.g. 2048x2048x256 for MxNxK." },
            new Option<bool>("--fused") { Description = "The fused dataflow (the default)." },
            new Option<bool>("--unfused") { Description = "The unfused baseline (its steps' factors searched together)." },
            new Option<string>("--objective") { Description = "What to minimize: cycles, energy or edp (energy x cycles).", DefaultValueFactory = _ => "cycles" },
            new Option<int>("--top") { Description = "Best candidates re-run in the simulator and re-ranked by simulated cycles.", DefaultValueFactory = _ => 5 },
            new Option<bool>("--wide") { Description = "Free N and K at every level (spatial factors up to the mesh sides) and permute the temporal loops' orders, instead of the authors' space." },
            new Option<string?>("--shard") { Description = "Evaluate only the candidates whose index i has i mod n = k and write a shard folder (no simulation) for comet merge." },
            new Option<int>("--jobs") { Description = "Threads costing candidates and simulations run at once (the output does not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount },
            ValidateCommand.MaxEventsOption(),
            new Option<string>("--out") { Description = "The folder to write: new, empty, or an earlier Comet output.", Required = true },
            new Option<long?>("--seq") { Description = "attention: the sequence length L." },
            new Option<long?>("--heads") { Description = "attention: the number of heads H." },
            new Option<long?>("--head-dim") { Description = "attention: the head dimension D." },
            new Option<long?>("--batch") { Description = "attention: the batch B (default 1)." },
            new Option<long?>("--limit") { Description = "Cost only the first N candidates in index order (a quick look at a large space; not with --shard)." });
        command.Arguments.Add(op);
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(o.Fused) is not null && result.GetResult(o.Unfused) is not null)
            {
                result.AddError("--fused and --unfused are mutually exclusive");
            }

            if (result.GetResult(o.Limit) is not null && result.GetResult(o.Shard) is not null)
            {
                result.AddError("--limit and --shard are mutually exclusive (a shard is a share of the whole space)");
            }

            if (result.GetResult(o.Preset) is null)
            {
                result.AddError("missing required option --preset (edge, cloud or example; 'comet presets' lists them)");
            }
        });
        command.SetAction(parse => Execute(parse, op, o, stdout, stderr, interrupt));
        return command;
    }

    /// <summary>The setup of a search: its template's space for the operation, preset and shape.</summary>
    /// <exception cref="InputException">The operation is unknown or cannot be searched yet, or the shape cannot be tiled.</exception>
    public static SearchSetup Setup(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var template = CompoundTemplates.Find(parameters.Operation);
        if (template is not ISearchableTemplate searchable)
        {
            throw new InputException("search", "OP", $"{template.Name} cannot be searched yet (searchable: {string.Join(", ", CompoundTemplates.All.OfType<ISearchableTemplate>().Select(t => ((ICompoundTemplate)t).Name))})");
        }

        var request = new GenerationRequest(template.Name, Presets.Require(parameters.Preset), GenerateCommand.ParseShape(parameters.Shape, template), parameters.Fused);
        return searchable.Searchable(request, parameters.Wide);
    }

    /// <summary>Checks the top count and job count.</summary>
    /// <exception cref="InputException">One of them is not positive.</exception>
    public static void CheckCounts(int top, int jobs)
    {
        if (top < 1)
        {
            throw new InputException("--top", string.Empty, $"must be at least 1 (got {top.ToString(CultureInfo.InvariantCulture)})");
        }

        if (jobs < 1)
        {
            throw new InputException("--jobs", string.Empty, $"the job count must be at least 1 (got {jobs.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private static int Execute(ParseResult parse, Argument<string> op, SearchOptions o, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var (top, jobs) = (parse.GetValue(o.Top), parse.GetValue(o.Jobs));
        CheckCounts(top, jobs);
        var shardText = parse.GetValue(o.Shard);
        var shard = shardText is null ? ShardSpec.Whole : ShardSpec.Parse(shardText);
        var template = CompoundTemplates.Find(parse.GetValue(op)!);
        var shape = template is AttentionTemplate
            ? GenerateCommand.AttentionShape(parse.GetValue(o.Seq), parse.GetValue(o.Heads), parse.GetValue(o.HeadDim), parse.GetValue(o.Batch))
            : parse.GetValue(o.Shape) ?? throw new InputException("--shape", string.Empty, $"missing (give {string.Join("x", template.ShapeDimensions)}, e.g. 256x256x128)");
        var parameters = new SearchParameters(template.Name, Presets.Require(parse.GetValue(o.Preset)!), shape, !parse.GetValue(o.Unfused), parse.GetValue(o.Wide), SearchRanking.ParseObjective(parse.GetValue(o.Objective)!), top);
        var setup = Setup(parameters);
        var limit = parse.GetValue(o.Limit) ?? long.MaxValue;
        if (limit < 1)
        {
            throw new InputException("--limit", string.Empty, $"must be at least 1 (got {limit.ToString(CultureInfo.InvariantCulture)})");
        }

        using var dir = OutputDirectory.Begin(parse.GetValue(o.Out)!);
        using var ctrlC = CtrlC.Install(interrupt);
        using var recorder = new SearchRecorder(setup.Space, parameters.Objective, top, dir.PathFor("search.csv") + SearchRecorder.PartialSuffix);
        SweepProgress.Run($"costing shard {shard} of {setup.Space.Size.ToString(CultureInfo.InvariantCulture)} indices", stderr, progress => MappingSearch.Stream(setup, shard, jobs, recorder.Add, progress, ctrlC.Token, limit));
        List<string> names;
        if (shardText is not null)
        {
            recorder.Complete(dir.PathFor("search.csv"), new Dictionary<long, (SimulatedFigures, int)>());
            var tally = recorder.Tally;
            File.WriteAllText(dir.PathFor(ShardManifest.FileName), new ShardManifest(parameters, shard, setup.Space.Size, tally.Candidates).ToJson());
            names = ["search.csv", ShardManifest.FileName];
            stdout.WriteLine($"shard {shard}: {tally.Candidates.ToString(CultureInfo.InvariantCulture)} candidates, {tally.Costed.ToString(CultureInfo.InvariantCulture)} costed (no simulation; comet merge combines the shards)");
        }
        else
        {
            names = [.. SearchOutput.Finish(dir, setup, parameters, recorder, parse.GetValue(o.MaxEvents), jobs, stdout, stderr, ctrlC.Token)];
        }

        dir.Commit(RunInfo.Capture("search", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        stdout.WriteLine($"wrote {dir.FinalPath}{Path.DirectorySeparatorChar} ({string.Join(", ", names)})");
        return ValidateCommand.Stopped(ctrlC, stderr);
    }

    private sealed record SearchOptions(Option<string?> Preset, Option<string?> Shape, Option<bool> Fused, Option<bool> Unfused, Option<string> Objective, Option<int> Top, Option<bool> Wide, Option<string?> Shard, Option<int> Jobs, Option<long> MaxEvents, Option<string> Out,
        Option<long?> Seq, Option<long?> Heads, Option<long?> HeadDim, Option<long?> Batch, Option<long?> Limit)
    {
        public IEnumerable<Option> All => [Preset, Shape, Fused, Unfused, Objective, Top, Wide, Shard, Jobs, MaxEvents, Out, Seq, Heads, HeadDim, Batch, Limit];
    }
}
