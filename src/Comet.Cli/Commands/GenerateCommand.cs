using System.CommandLine;
using System.Globalization;
using System.Text;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Workloads.Generation;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet generate</c> verb: writes a compound operation's case folder (fused) or sequence folder (unfused) for a preset and shape.</summary>
public static class GenerateCommand
{
    /// <summary>Creates the verb with its arguments and options.</summary>
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("generate", "Write a compound operation as a COMET case for a preset: problem.yaml, mapping.yaml, const.yaml, arch.yaml (fused), or one folder per operation plus sequence.txt (unfused). Tile factors follow the default rule of docs/generate.md unless given.");
        var op = new Argument<string>("OP") { Description = "The operation: " + string.Join("; ", CompoundTemplates.All.Select(t => $"{t.Name} ({t.Description})")) + "." };
        var options = new GenerateOptions(
            CommonOptions.Preset(),
            new Option<string?>("--shape") { Description = "The operation's sizes, e.g. 256x256x128 for MxNxK." },
            new Option<bool>("--fused") { Description = "The fused dataflow (the default)." },
            new Option<bool>("--unfused") { Description = "The unfused baseline: every operation its own mapping, intermediates through DRAM." },
            new Option<string[]>("--split") { Description = "N's split instead of the preset's meshes: cluster=XxY and/or core=XxY (repeatable or comma-separated).", AllowMultipleArgumentsPerToken = true },
            new Option<string[]>("--factor") { Description = "A tile factor given explicitly, NAME=VALUE (a constant of the generated const.yaml; repeatable).", AllowMultipleArgumentsPerToken = true },
            new Option<bool>("--authors-order") { Description = "Place the add all-reduce where the authors' shipped mapping has it (on the exponentials, before ROWSUM)." },
            new Option<string>("--out") { Description = "The folder to write: new, empty, or an earlier Comet output.", Required = true },
            new AttentionOptions(
                new Option<long?>("--seq") { Description = "attention: the sequence length L (query rows and keys)." },
                new Option<long?>("--heads") { Description = "attention: the number of heads H." },
                new Option<long?>("--head-dim") { Description = "attention: the head dimension D." },
                new Option<long?>("--batch") { Description = "attention: the batch B (default 1; batch × heads independent problems)." }));
        command.Arguments.Add(op);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(options.Fused) is not null && result.GetResult(options.Unfused) is not null)
            {
                result.AddError("--fused and --unfused are mutually exclusive");
            }

            if (result.GetResult(options.Preset) is null)
            {
                result.AddError("missing required option --preset (edge, cloud or example; 'comet presets' lists them)");
            }
        });
        command.SetAction(parse => Execute(parse, op, options, stdout));
        return command;
    }

    private static int Execute(ParseResult parse, Argument<string> opArgument, GenerateOptions options, TextWriter stdout)
    {
        var started = DateTimeOffset.UtcNow;
        var template = CompoundTemplates.Find(parse.GetValue(opArgument)!);
        var preset = Presets.Require(parse.GetValue(options.Preset)!);
        var (clusters, cores) = ParseSplits(parse.GetValue(options.Split) ?? []);
        var shape = template is AttentionTemplate
            ? ParseAttentionShape(parse, options)
            : options.Attention.All.FirstOrDefault(o => parse.GetResult(o) is not null) is { } stray
                ? throw new InputException(stray.Name, string.Empty, $"only attention takes {stray.Name} ({template.Name} takes --shape)")
                : ParseShape(parse.GetValue(options.Shape), template);
        var request = new GenerationRequest(template.Name, preset, shape, !parse.GetValue(options.Unfused), clusters, cores, ParseFactors(parse.GetValue(options.Factor) ?? []));
        var generated = template is GemmSoftmaxTemplate && parse.GetValue(options.AuthorsOrder)
            ? new GemmSoftmaxTemplate { AuthorsOrder = true }.Generate(request)
            : template.Generate(request);
        var outFolder = parse.GetValue(options.Out)!;
        using (var dir = OutputDirectory.Begin(outFolder))
        {
            foreach (var file in generated.Files)
            {
                File.WriteAllText(dir.PathFor(file.RelativePath), file.Text, new UTF8Encoding(false));
            }

            dir.Commit(RunInfo.Capture("generate", parse.Tokens.Select(t => t.Value).ToList(), started));
        }

        stdout.WriteLine($"{template.Name} {(request.Fused ? "fused" : "unfused")} on preset {preset}: wrote {generated.Files.Count} files to {outFolder}");
        stdout.WriteLine("factors: " + string.Join(" ", generated.Factors.Select(p => $"{p.Key}={p.Value}")));
        return 0;
    }

    /// <summary>Parses <c>--shape</c> (e.g. <c>256x256x128</c>) into the template's dimensions.</summary>
    /// <exception cref="InputException">The shape is missing, has the wrong number of sizes, or a size is not a positive whole number.</exception>
    public static IReadOnlyDictionary<string, long> ParseShape(string? text, ICompoundTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var dims = template.ShapeDimensions;
        var expected = $"{string.Join("x", dims)}, e.g. 256x256x128";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException("--shape", string.Empty, $"missing (give {expected})");
        }

        var parts = text.Split('x', 'X');
        if (parts.Length != dims.Count)
        {
            throw new InputException("--shape", string.Empty, $"'{text}' has {parts.Length} sizes but {template.Name} takes {dims.Count} ({expected})");
        }

        var shape = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            shape[dims[i]] = long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new InputException("--shape", string.Empty, $"{dims[i]}='{parts[i]}' is not a positive whole number ({expected})");
        }

        return shape;
    }

    /// <summary>Reads attention's <c>--seq</c>, <c>--heads</c>, <c>--head-dim</c> and <c>--batch</c> (default 1) into its shape (L, H, D, B).</summary>
    private static IReadOnlyDictionary<string, long> ParseAttentionShape(ParseResult parse, GenerateOptions options)
    {
        if (parse.GetResult(options.Shape) is not null)
        {
            throw new InputException("--shape", string.Empty, "attention takes --seq L --heads H --head-dim D [--batch B] instead of --shape");
        }

        var a = options.Attention;
        return ParseShape(AttentionShape(parse.GetValue(a.Seq), parse.GetValue(a.Heads), parse.GetValue(a.HeadDim), parse.GetValue(a.Batch)), new AttentionTemplate());
    }

    /// <summary>Attention's shape as <c>LxHxDxB</c> text from its four options (the batch defaults to 1).</summary>
    /// <exception cref="InputException">A size is missing or not positive (the error names the option).</exception>
    public static string AttentionShape(long? seq, long? heads, long? headDim, long? batch)
    {
        static string Size(string option, long? value, long? fallback)
        {
            var v = value ?? fallback
                ?? throw new InputException(option, string.Empty, "missing (attention takes --seq L --heads H --head-dim D [--batch B], e.g. --seq 512 --heads 12 --head-dim 64)");
            return v > 0 ? v.ToString(CultureInfo.InvariantCulture) : throw new InputException(option, string.Empty, $"{v} is not a positive whole number");
        }

        return string.Join("x", Size("--seq", seq, null), Size("--heads", heads, null), Size("--head-dim", headDim, null), Size("--batch", batch, 1));
    }

    private static (MeshSplit? Clusters, MeshSplit? Cores) ParseSplits(string[] values)
    {
        MeshSplit? clusters = null;
        MeshSplit? cores = null;
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (level, split) = item.Split('=', 2) is [var l, var s] ? (l, s) : (string.Empty, item);
            switch (level)
            {
                case "cluster":
                    clusters = MeshSplit.Parse(split, "--split");
                    break;
                case "core":
                    cores = MeshSplit.Parse(split, "--split");
                    break;
                default:
                    throw new InputException("--split", string.Empty, $"'{item}' names no level (expected cluster=XxY or core=XxY)");
            }
        }

        return (clusters, cores);
    }

    private static Dictionary<string, string> ParseFactors(string[] values)
    {
        var factors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            factors[item.Split('=', 2) is [var n, _] ? n : throw new InputException("--factor", string.Empty, $"'{item}' is not NAME=VALUE")] = item[(item.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        return factors;
    }

    private sealed record GenerateOptions(Option<string?> Preset, Option<string?> Shape, Option<bool> Fused, Option<bool> Unfused, Option<string[]> Split, Option<string[]> Factor, Option<bool> AuthorsOrder, Option<string> Out, AttentionOptions Attention)
    {
        public IEnumerable<Option> All => [Preset, Shape, Fused, Unfused, Split, Factor, AuthorsOrder, Out, .. Attention.All];
    }

    private sealed record AttentionOptions(Option<long?> Seq, Option<long?> Heads, Option<long?> HeadDim, Option<long?> Batch)
    {
        public IEnumerable<Option> All => [Seq, Heads, HeadDim, Batch];
    }
}
