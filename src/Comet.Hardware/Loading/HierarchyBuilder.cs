using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using static Comet.Hardware.Loading.AttributeReader;

namespace Comet.Hardware.Loading;

/// <summary>Reads arch.yaml's <c>Hierarchy</c> depth first into level drafts (connects, then drains, then fills) and freezes them into specs.</summary>
internal sealed class HierarchyBuilder(YamlFile file, List<ComputeTypeSpec> computes, List<MemoryTypeSpec> memories)
{
    private static readonly string[] LevelKeys = ["name", "type", "is_compute", "attributes", "connects", "fills", "drains"];

    private readonly List<LevelDraft> levels = new();
    private readonly Dictionary<string, LevelDraft> byName = new();

    /// <summary>Warnings in the order their nodes were read.</summary>
    public List<InputWarning> Warnings { get; } = new();

    /// <summary>The levels read so far, as specs indexed by id.</summary>
    public IReadOnlyList<HierarchyLevelSpec> Build() => levels
        .Select(l => new HierarchyLevelSpec(
            l.Id, l.Name, l.TypeName, l.IsCompute, l.IsRoot, l.MeshX, l.MeshY, l.Compute, l.Memory, l.Link,
            l.Parents.ToList(), l.Children.ToList(), new Dictionary<int, NetworkSpec>(l.ChildNetworks), l.Line))
        .ToList();

    /// <summary>Reads the level at <paramref name="node"/> under <paramref name="parent"/> (null: a root), then its children; a compute level listed again returns its first definition.</summary>
    public LevelDraft ParseLevel(YamlNode node, LevelDraft? parent, string path, List<string> ancestors)
    {
        var map = file.AsMapping(node, path);
        file.CheckKeys(map, path, LevelKeys);
        var nameNode = file.Require(map, "name", path);
        var rawName = file.AsString(nameNode, path + ".name");
        var (name, range, rangeProblem) = InstanceRange.Parse(rawName);
        if (rangeProblem is not null)
        {
            throw file.Error(nameNode, path + ".name", rangeProblem);
        }
        if (ancestors.Contains(name))
        {
            throw file.Error(map, path + ".name", $"level '{name}' contains itself (cycle {string.Join(" -> ", ancestors)} -> {name})");
        }

        var attributesNode = YamlFile.Find(map, "attributes");
        if (parent is not null && attributesNode is null)
        {
            throw file.Error(map, path, "missing required key 'attributes' (the network from the parent is described there)");
        }

        var isCompute = YamlFile.Find(map, "is_compute") is not null;
        if (isCompute && byName.TryGetValue(name, out var existingCompute))
        {
            return existingCompute; // a compute level may be listed under several parents; the first definition wins
        }

        if (parent is { IsRoot: true } && byName.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (byName.ContainsKey(name))
        {
            throw file.Error(map, path + ".name", $"level '{name}' is defined twice");
        }

        var typeNode = file.Require(map, "type", path);
        var typeName = file.AsString(typeNode, path + ".type");
        var draft = new LevelDraft { Id = levels.Count, Name = name, TypeName = typeName, IsCompute = isCompute, IsRoot = parent is null, Line = map.Start.Line };
        var compute = computes.FirstOrDefault(c => c.Name == typeName);
        var memory = memories.FirstOrDefault(m => m.Name == typeName);
        if (isCompute)
        {
            if (compute is null)
            {
                throw file.Error(typeNode, path + ".type", $"unknown compute type '{typeName}'", NameHints.DidYouMean(typeName, computes.Select(c => c.Name)));
            }

            if (!Enum.IsDefined(compute.Model))
            {
                throw file.Error(typeNode, path + ".type", $"compute type '{typeName}' has no latency model (the tool knows GEMM, SystolicArray, VSIMD, MAC, intmac)");
            }

            draft.Compute = compute;
        }
        else
        {
            if (memory is null)
            {
                var hint = NameHints.DidYouMean(typeName, memories.Select(m => m.Name));
                var problem = compute is not null ? $"'{typeName}' is a compute type but the level has no 'is_compute'" : $"unknown memory type '{typeName}'";
                throw file.Error(typeNode, path + ".type", problem, hint);
            }

            draft.Memory = memory;
        }

        YamlMappingNode? attrs = null;
        if (attributesNode is not null)
        {
            attrs = file.AsMapping(attributesNode, path + ".attributes");
            file.CheckKeys(attrs, path + ".attributes", NetworkParser.AttributeKeys);
            if (YamlFile.Find(attrs, "link_transfers") is { } lt && file.AsBool(lt, path + ".attributes.link_transfers"))
            {
                draft.Link = NetworkParser.Parse(file, attrs, path + ".attributes");
            }
        }

        levels.Add(draft);
        byName[name] = draft;
        var chain = new List<string>(ancestors) { name };
        ParseChildren(map, draft, "connects", path, chain, fill: true, drain: true);
        ParseChildren(map, draft, "drains", path, chain, fill: false, drain: true);
        ParseChildren(map, draft, "fills", path, chain, fill: true, drain: false);
        if (attrs is not null)
        {
            if (YamlFile.Find(attrs, "mesh") is { } meshNode)
            {
                var items = YamlFile.Items(meshNode);
                var values = items.Select((n, i) => PositiveItem(file, n, $"{path}.attributes.mesh[{i}]")).ToList();
                draft.MeshX = values.Count > 0 ? values[0] : 1;
                draft.MeshY = values.Count > 1 ? values[1] : 1;
            }
            else
            {
                draft.MeshX = PositiveInt(file, attrs, "meshX", path + ".attributes", 1);
                draft.MeshY = PositiveInt(file, attrs, "meshY", path + ".attributes", 1);
            }
        }

        if (draft.MeshX > uint.MaxValue / draft.MeshY)
        {
            throw file.Error(attrs, path + ".attributes", $"{draft.MeshX} x {draft.MeshY} instances exceed the tool's 32-bit instance count");
        }

        if (range is not null && range.Count != draft.MeshX * draft.MeshY)
        {
            Warnings.Add(file.Warning(nameNode, path + ".name",
                $"'{rawName}' names {range.Count} instances but meshX x meshY = {draft.MeshX} x {draft.MeshY} = {draft.MeshX * draft.MeshY}; Comet uses {draft.MeshX * draft.MeshY} (meshX x meshY), as COMET does, and ignores the range"));
        }

        if (attrs is not null)
        {
            if (LinkRateCheck.Warning(file, attrs, path + ".attributes", draft) is { } warning)
            {
                Warnings.Add(warning);
            }
        }

        return draft;
    }

    private void ParseChildren(YamlMappingNode map, LevelDraft level, string key, string path, List<string> chain, bool fill, bool drain)
    {
        if (YamlFile.Find(map, key) is not { } node)
        {
            return;
        }

        var list = file.AsSequence(node, $"{path}.{key}");
        for (var i = 0; i < list.Children.Count; i++)
        {
            var childPath = $"{path}.{key}[{i}]";
            var child = ParseLevel(list.Children[i], level, childPath, chain);
            var childMap = (YamlMappingNode)list.Children[i];
            var attrs = file.AsMapping(file.Require(childMap, "attributes", childPath), childPath + ".attributes");
            if (level.ChildNetworks.ContainsKey(child.Id))
            {
                throw file.Error(childMap, childPath, $"level '{child.Name}' is connected to '{level.Name}' twice");
            }

            level.Children.Add(child.Id);
            child.Parents.Add(level.Id);
            var network = NetworkParser.Parse(file, attrs, childPath + ".attributes");
            if (network.Attach is { } attach && level.Memory is { } memory && attach.Count != memory.Ports)
            {
                throw file.Error(YamlFile.Find(attrs, "attach"), childPath + ".attributes.attach", $"lists {attach.Count} routers but '{level.Name}' has {memory.Ports} network port(s) (its memory type's 'ports'); list one router per port");
            }

            level.ChildNetworks[child.Id] = network;
            _ = fill || drain;
        }
    }
}
