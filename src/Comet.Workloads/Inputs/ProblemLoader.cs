using System.Text.RegularExpressions;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>Loads problem.yaml (global dimensions, sizes and operations with tensor projections).</summary>
public static partial class ProblemLoader
{
    private static readonly string[] ProblemKeys = ["io", "dimensions", "instance", "operations", "name", "ins", "out", "tensors"];
    private static readonly string[] OperationKeys = ["name", "ins", "out", "dimensions", "tensors"];
    private static readonly string[] TensorKeys = ["name", "projection", "read-write"];

    /// <summary>Reads and parses a problem.yaml file; sizes may name constants.</summary>
    public static Problem Load(string path, ConstantTable constants) => Parse(YamlFile.Load(path), constants);

    /// <summary>Parses problem.yaml text.</summary>
    public static Problem Parse(string text, ConstantTable constants, string fileName = "problem.yaml") => Parse(YamlFile.Parse(text, fileName), constants);

    /// <summary>Parses an already-read problem.yaml document.</summary>
    public static Problem Parse(YamlFile file, ConstantTable constants)
    {
        var resolver = new ValueResolver(file, constants);
        var problem = file.AsMapping(file.Require(file.Root, "problem", string.Empty), "problem");
        file.CheckKeys(problem, "problem", ProblemKeys);
        var io = file.AsMapping(file.Require(problem, "io", "problem"), "problem.io");
        var ins = SplitNames(file.AsString(file.Require(io, "ins", "problem.io"), "problem.io.ins"));
        var outs = SplitNames(file.AsString(file.Require(io, "outs", "problem.io"), "problem.io.outs"));
        var dimsNode = file.AsSequence(file.Require(problem, "dimensions", "problem"), "problem.dimensions");
        var dimNames = new List<string>();
        foreach (var d in dimsNode.Children)
        {
            var name = file.AsString(d, "problem.dimensions");
            if (dimNames.Contains(name))
            {
                throw file.Error(d, "problem.dimensions", $"dimension '{name}' is listed twice");
            }

            dimNames.Add(name);
        }

        if (dimNames.Count == 0)
        {
            throw file.Error(dimsNode, "problem.dimensions", "no dimensions are listed");
        }

        var instance = file.AsMapping(file.Require(problem, "instance", "problem"), "problem.instance");
        var sizes = new List<long>();
        foreach (var dim in dimNames)
        {
            var node = YamlFile.Find(instance, dim) ?? throw file.Error(instance, "problem.instance", $"no size given for dimension '{dim}'");
            sizes.Add(resolver.Integer(file.AsString(node, $"problem.instance.{dim}"), node, $"problem.instance.{dim}"));
        }

        foreach (var pair in instance.Children)
        {
            var key = file.AsString(pair.Key, "problem.instance");
            if (!dimNames.Contains(key))
            {
                throw file.Error(pair.Key, $"problem.instance.{key}", $"unknown dimension '{key}'", NameHints.DidYouMean(key, dimNames));
            }
        }

        var tensorNames = new List<string>();
        var operations = new List<ProblemOperation>();
        if (YamlFile.Find(problem, "operations") is { } opsNode)
        {
            var ops = file.AsSequence(opsNode, "problem.operations");
            for (var i = 0; i < ops.Children.Count; i++)
            {
                var op = ParseOperation(file, ops.Children[i], $"problem.operations[{i}]", dimNames, sizes, tensorNames);
                if (operations.Any(o => o.Name == op.Name))
                {
                    throw file.Error(ops.Children[i], $"problem.operations[{i}].name", $"operation '{op.Name}' is defined twice");
                }

                operations.Add(op);
            }
        }
        else
        {
            operations.Add(ParseOperation(file, problem, "problem", dimNames, sizes, tensorNames));
        }

        var intermediates = tensorNames
            .Select((name, id) => (name, id))
            .Where(t => !ins.Contains(t.name) && !outs.Contains(t.name))
            .OrderBy(t => t.name, StringComparer.Ordinal)
            .Select(t => t.id)
            .ToList();
        return new Problem(dimNames, sizes, tensorNames, ins, outs, operations, intermediates);
    }

    private static ProblemOperation ParseOperation(YamlFile file, YamlNode node, string path, List<string> dims, List<long> sizes, List<string> tensorNames)
    {
        var map = file.AsMapping(node, path);
        if (path != "problem")
        {
            file.CheckKeys(map, path, OperationKeys);
        }

        var name = file.AsString(file.Require(map, "name", path), path + ".name");
        var ins = SplitNames(file.AsString(file.Require(map, "ins", path), path + ".ins"));
        var outs = SplitNames(file.AsString(file.Require(map, "out", path), path + ".out"));
        if (outs.Count == 0)
        {
            throw file.Error(map, path + ".out", "no output tensor");
        }

        var dimIds = new List<int>();
        if (YamlFile.Find(map, "dimensions") is { } dimsNode)
        {
            foreach (var d in YamlFile.Items(dimsNode))
            {
                var dn = file.AsString(d, path + ".dimensions");
                var id = dims.IndexOf(dn);
                if (id < 0)
                {
                    throw file.Error(d, path + ".dimensions", $"unknown dimension '{dn}'", NameHints.DidYouMean(dn, dims));
                }

                if (!dimIds.Contains(id))
                {
                    dimIds.Add(id);
                }
            }
        }

        var projections = new Dictionary<int, TensorProjection>();
        var readWrite = new List<int>();
        var tensorsNode = file.AsSequence(file.Require(map, "tensors", path), path + ".tensors");
        for (var t = 0; t < tensorsNode.Children.Count; t++)
        {
            var tpath = $"{path}.tensors[{t}]";
            var tmap = file.AsMapping(tensorsNode.Children[t], tpath);
            file.CheckKeys(tmap, tpath, TensorKeys);
            var tname = file.AsString(file.Require(tmap, "name", tpath), tpath + ".name");
            var tid = tensorNames.IndexOf(tname);
            if (tid < 0)
            {
                tid = tensorNames.Count;
                tensorNames.Add(tname);
            }

            if (projections.ContainsKey(tid))
            {
                throw file.Error(tmap, tpath + ".name", $"tensor '{tname}' is listed twice in operation '{name}'");
            }

            if (YamlFile.Find(tmap, "read-write") is { } rw && file.AsBool(rw, tpath + ".read-write"))
            {
                readWrite.Add(tid);
            }

            var projNode = file.AsSequence(file.Require(tmap, "projection", tpath), tpath + ".projection");
            var ranks = new List<IReadOnlyList<int>>();
            for (var r = 0; r < projNode.Children.Count; r++)
            {
                var rpath = $"{tpath}.projection[{r}]";
                var terms = new List<int>();
                foreach (var term in YamlFile.Items(projNode.Children[r]))
                {
                    var termItems = YamlFile.Items(term);
                    if (termItems.Count != 1)
                    {
                        throw file.Error(term, rpath, "a projection term must be a single dimension (coefficients are not supported)");
                    }

                    var dn = file.AsString(termItems[0], rpath);
                    var id = dims.IndexOf(dn);
                    if (id < 0 || !dimIds.Contains(id))
                    {
                        throw file.Error(termItems[0], rpath, $"unknown dimension '{dn}' for operation '{name}'", NameHints.DidYouMean(dn, dimIds.Select(i => dims[i])));
                    }

                    terms.Add(id);
                }

                ranks.Add(terms);
            }

            projections[tid] = new TensorProjection(ranks);
        }

        foreach (var tensor in ins.Append(outs[0]))
        {
            if (!tensorNames.Contains(tensor) || !projections.ContainsKey(tensorNames.IndexOf(tensor)))
            {
                throw file.Error(map, path, $"operation '{name}' uses tensor '{tensor}' but does not list its projection");
            }
        }

        long instanceSize = 1;
        foreach (var d in dimIds)
        {
            if (sizes[d] > long.MaxValue / instanceSize)
            {
                throw file.Error(map, path + ".dimensions", $"the size of operation '{name}' overflows 64 bits");
            }

            instanceSize *= sizes[d];
        }

        return new ProblemOperation(name, ins, outs[0], dimIds, projections, readWrite, instanceSize);
    }

    /// <summary>Splits a tensor list such as <c>"A, B"</c> into names (alphanumeric runs; a '#' starts a comment).</summary>
    public static List<string> SplitNames(string text)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            text = text[..hash];
        }

        return NamePattern().Matches(text).Select(m => m.Value).ToList();
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex NamePattern();
}
