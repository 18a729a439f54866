using System.Globalization;
using System.Text.Json;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>shard.json: the search a shard folder belongs to, which shard it is and how many candidates it holds.</summary>
/// <param name="Parameters">The search's parameters (equal in every shard of one search).</param>
/// <param name="Shard">Which share of the space the folder holds.</param>
/// <param name="SpaceSize">The space's index range (equal in every shard).</param>
/// <param name="Candidates">Rows in the shard's search.csv.</param>
public sealed record ShardManifest(SearchParameters Parameters, ShardSpec Shard, long SpaceSize, long Candidates)
{
    /// <summary>The manifest's file name in a shard folder.</summary>
    public const string FileName = "shard.json";

    /// <summary>The manifest's JSON text.</summary>
    public string ToJson() => JsonText.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("operation", Parameters.Operation);
        w.WriteString("preset", Parameters.Preset);
        w.WriteString("shape", Parameters.Shape);
        w.WriteBoolean("fused", Parameters.Fused);
        w.WriteBoolean("wide", Parameters.Wide);
        w.WriteString("objective", Parameters.ObjectiveWord);
        w.WriteNumber("top", Parameters.Top);
        w.WriteString("shard", Shard.ToString());
        w.WriteNumber("space_size", SpaceSize);
        w.WriteNumber("candidates", Candidates);
        w.WriteEndObject();
    });

    /// <summary>Reads <paramref name="folder"/>'s shard.json.</summary>
    /// <exception cref="InputException">The file is missing or lacks a field.</exception>
    public static ShardManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InputException(folder, string.Empty, $"is not a shard folder (no {FileName}; write one with comet search --shard k/n)");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            var parameters = new SearchParameters(
                r.GetProperty("operation").GetString()!,
                r.GetProperty("preset").GetString()!,
                r.GetProperty("shape").GetString()!,
                r.GetProperty("fused").GetBoolean(),
                r.GetProperty("wide").GetBoolean(),
                SearchRanking.ParseObjective(r.GetProperty("objective").GetString()!),
                r.GetProperty("top").GetInt32());
            return new ShardManifest(parameters, ShardSpec.Parse(r.GetProperty("shard").GetString()!), r.GetProperty("space_size").GetInt64(), r.GetProperty("candidates").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException(path, string.Empty, $"is not a shard manifest ({e.Message})");
        }
    }

    /// <summary>Checks that <paramref name="shards"/> are the n shards of one search, each once, and returns them in shard order.</summary>
    /// <exception cref="InputException">They belong to different searches, a shard repeats, or one is missing.</exception>
    public static IReadOnlyList<(string Folder, ShardManifest Manifest)> Complete(IReadOnlyList<(string Folder, ShardManifest Manifest)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new InputException("merge", "DIR", "no shard folders given");
        }

        var first = shards[0].Manifest;
        foreach (var (folder, m) in shards)
        {
            if (m.Parameters != first.Parameters || m.Shard.Count != first.Shard.Count || m.SpaceSize != first.SpaceSize)
            {
                throw new InputException(folder, ShardManifest.FileName, $"belongs to another search than {shards[0].Folder} (operation, preset, shape, fused, wide, objective, top and shard count must match)");
            }
        }

        var n = first.Shard.Count;
        var byIndex = shards.GroupBy(s => s.Manifest.Shard.Index).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (index, list) in byIndex.Where(p => p.Value.Count > 1))
        {
            throw new InputException(list[1].Folder, ShardManifest.FileName, $"shard {index.ToString(CultureInfo.InvariantCulture)}/{n.ToString(CultureInfo.InvariantCulture)} is given twice (also {list[0].Folder})");
        }

        var missing = Enumerable.Range(0, n).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException("merge", "DIR", $"shards {string.Join(", ", missing.Take(10).Select(i => $"{i.ToString(CultureInfo.InvariantCulture)}/{n.ToString(CultureInfo.InvariantCulture)}"))}{(missing.Count > 10 ? ", ..." : string.Empty)} are missing ({missing.Count} of {n})");
        }

        return [.. shards.OrderBy(s => s.Manifest.Shard.Index)];
    }
}
