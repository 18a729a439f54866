using System.CommandLine;
using System.Globalization;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.Search;
using Comet.Reports.Sweeps;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet merge</c> verb: combines the shard folders of one search into exactly the unsharded result.</summary>
public static class MergeCommand
{
    /// <summary>Creates the verb with its arguments and options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("merge", "Combine the shard folders of one comet search (--shard k/n, every k of one n) into the unsharded result: search.csv, best/, top/ and search.png, the top k simulated.");
        var shards = new Argument<string[]>("DIR") { Description = "The shard folders (any order).", Arity = ArgumentArity.OneOrMore };
        var jobs = new Option<int>("--jobs") { Description = "Simulations run at once (the output does not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxEvents = ValidateCommand.MaxEventsOption();
        var output = new Option<string>("--out") { Description = "The folder to write: new, empty, or an earlier Comet output.", Required = true };
        command.Arguments.Add(shards);
        command.Options.Add(jobs);
        command.Options.Add(maxEvents);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var started = DateTimeOffset.UtcNow;
            var manifests = ShardManifest.Complete([.. parse.GetValue(shards)!.Select(f => (f, ShardManifest.Read(f)))]);
            var parameters = manifests[0].Manifest.Parameters;
            SearchCommand.CheckCounts(parameters.Top, parse.GetValue(jobs));
            var setup = SearchCommand.Setup(parameters);
            if (setup.Space.Size != manifests[0].Manifest.SpaceSize)
            {
                throw new InputException(manifests[0].Folder, ShardManifest.FileName, $"the space has {manifests[0].Manifest.SpaceSize.ToString(CultureInfo.InvariantCulture)} indices but this comet's has {setup.Space.Size.ToString(CultureInfo.InvariantCulture)} (shards from another version?)");
            }

            using var dir = OutputDirectory.Begin(parse.GetValue(output)!);
            using var ctrlC = CtrlC.Install(interrupt);
            using var recorder = new SearchRecorder(setup.Space, parameters.Objective, parameters.Top, dir.PathFor("search.csv") + SearchRecorder.PartialSuffix);
            foreach (var candidate in ShardRows.Merged(manifests.Select(m => m.Folder), setup.Space))
            {
                recorder.Add(candidate);
            }

            var names = SearchOutput.Finish(dir, setup, parameters, recorder, parse.GetValue(maxEvents), parse.GetValue(jobs), stdout, stderr, ctrlC.Token);
            dir.Commit(RunInfo.Capture("merge", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
            stdout.WriteLine($"merged {manifests.Count.ToString(CultureInfo.InvariantCulture)} shards; wrote {dir.FinalPath}{Path.DirectorySeparatorChar} ({string.Join(", ", names)})");
            return ValidateCommand.Stopped(ctrlC, stderr);
        });
        return command;
    }
}
