using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using YamlDotNet.RepresentationModel;

namespace Comet.Hardware.Loading;

/// <summary>Loads COMET's arch.yaml (ComputeTiles, MemoryTypes, Hierarchy) into an <see cref="ArchitectureSpec"/>.</summary>
public static class ArchitectureLoader
{
    private static readonly string[] ComputeAttributeKeys =
    [
        "datawidth", "capacity", "computeWidth", "computeOpC", "computeLatency", "startupLatency", "compute_energy",
        "array_rows", "array_cols", "num_sa_rows", "num_sa_cols",
    ];

    private static readonly string[] MemoryAttributeKeys =
    [
        "width", "depth", "ports", "doublebuffered", "reduction", "parent_child_ports_shared", "child_read_bw", "child_write_bw",
        "parent_read_bw", "parent_write_bw", "link_read_bw", "link_write_bw", "bw", "dma_contiguous", "parent_read_energy",
        "parent_write_energy", "child_read_energy", "child_write_energy",
    ];

    private static readonly string[] LevelKeys = ["name", "type", "is_compute", "attributes", "connects", "fills", "drains"];

    private static readonly string[] NetworkAttributeKeys =
    [
        "meshX", "meshY", "mesh", "connection_type", "bw", "hop_latency", "queuing_delay", "channel_width", "broadcast_support",
        "reduction_support", "reduction_latency", "efficiency", "hierarchy_levels", "link_transfers", "packet_bytes",
    ];

    /// <summary>A mesh link is "far below" its ports when it moves at most 1/this of the port bandwidth per cycle; such a mesh earns a warning.</summary>
    public const int LinkRateWarningRatio = 4;

    /// <summary>Reads and parses an arch.yaml file.</summary>
    public static ArchitectureSpec Load(string path) => Parse(YamlFile.Load(path));

    /// <summary>Parses arch.yaml text; <paramref name="fileName"/> names it in errors.</summary>
    public static ArchitectureSpec Parse(string text, string fileName = "arch.yaml") => Parse(YamlFile.Parse(text, fileName));

    /// <summary>Parses an already-read arch.yaml document.</summary>
    public static ArchitectureSpec Parse(YamlFile file)
    {
        var root = file.Root;
        var computes = new List<ComputeTypeSpec>();
        var memories = new List<MemoryTypeSpec>();
        if (YamlFile.Find(root, "ComputeTiles") is { } computeNode)
        {
            var list = file.AsSequence(computeNode, "ComputeTiles");
            for (var i = 0; i < list.Children.Count; i++)
            {
                computes.Add(ParseCompute(file, list.Children[i], $"ComputeTiles[{i}]"));
            }
        }

        if (YamlFile.Find(root, "MemoryTypes") is { } memoryNode)
        {
            var list = file.AsSequence(memoryNode, "MemoryTypes");
            for (var i = 0; i < list.Children.Count; i++)
            {
                memories.Add(ParseMemory(file, list.Children[i], $"MemoryTypes[{i}]"));
            }
        }

        CheckDuplicates(file, computes.Select(c => c.Name).Concat(memories.Select(m => m.Name)).ToList(), root);
        var builder = new HierarchyBuilder(file, computes, memories);
        var hierarchy = file.AsSequence(file.Require(root, "Hierarchy", "Hierarchy"), "Hierarchy");
        if (hierarchy.Children.Count == 0)
        {
            throw file.Error(hierarchy, "Hierarchy", "the hierarchy is empty");
        }

        for (var i = 0; i < hierarchy.Children.Count; i++)
        {
            builder.ParseLevel(hierarchy.Children[i], null, $"Hierarchy[{i}]", new List<string>());
        }

        return new ArchitectureSpec(computes, memories, builder.Build()) { Warnings = builder.Warnings.OrderBy(w => w.Line).ThenBy(w => w.Column).ToList() };
    }

    private static void CheckDuplicates(YamlFile file, List<string> names, YamlNode at)
    {
        var seen = new HashSet<string>();
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw file.Error(at, "ComputeTiles/MemoryTypes", $"type '{name}' is defined twice");
            }
        }
    }

    private static ComputeTypeSpec ParseCompute(YamlFile file, YamlNode node, string path)
    {
        var map = file.AsMapping(node, path);
        var name = StripRange(file.AsString(file.Require(map, "name", path), path + ".name"));
        var attrPath = path + ".attributes";
        var attrs = file.AsMapping(file.Require(map, "attributes", path), attrPath);
        file.CheckKeys(attrs, attrPath, ComputeAttributeKeys);
        var model = name switch
        {
            "GEMM" => ComputeModel.Gemm,
            "SystolicArray" => ComputeModel.SystolicArray,
            "VSIMD" => ComputeModel.Vsimd,
            "MAC" => ComputeModel.Mac,
            "intmac" => ComputeModel.IntMac,
            _ => (ComputeModel)(-1),
        };
        var opc = PositiveInt(file, attrs, "computeOpC", attrPath, null);
        var latency = PositiveInt(file, attrs, "computeLatency", attrPath, null);
        return new ComputeTypeSpec(
            name,
            model,
            opc,
            latency,
            NonNegativeInt(file, attrs, "startupLatency", attrPath, 0),
            PositiveInt(file, attrs, "computeWidth", attrPath, 8),
            NonNegativeInt(file, attrs, "capacity", attrPath, 0),
            (float)NonNegativeDouble(file, attrs, "compute_energy", attrPath, 0),
            PositiveInt(file, attrs, "array_rows", attrPath, 32),
            PositiveInt(file, attrs, "array_cols", attrPath, 32),
            PositiveInt(file, attrs, "num_sa_rows", attrPath, 1),
            PositiveInt(file, attrs, "num_sa_cols", attrPath, 1));
    }

    private static MemoryTypeSpec ParseMemory(YamlFile file, YamlNode node, string path)
    {
        var map = file.AsMapping(node, path);
        var name = StripRange(file.AsString(file.Require(map, "name", path), path + ".name"));
        var attrPath = path + ".attributes";
        var attrs = file.AsMapping(file.Require(map, "attributes", path), attrPath);
        file.CheckKeys(attrs, attrPath, MemoryAttributeKeys);
        long Bw(string key)
        {
            var general = YamlFile.Find(attrs, "bw");
            var value = general is not null ? Bandwidth(file, general, attrPath + ".bw") : Bandwidth(file, YamlFile.Find(attrs, key), $"{attrPath}.{key}");
            return value;
        }

        double Energy(string key) => (float)NonNegativeDouble(file, attrs, key, attrPath, 0);
        return new MemoryTypeSpec(
            name,
            PositiveInt(file, attrs, "width", attrPath, 1),
            PositiveInt(file, attrs, "depth", attrPath, 1),
            PositiveInt(file, attrs, "ports", attrPath, 1),
            Bool(file, attrs, "doublebuffered", attrPath, false),
            Bool(file, attrs, "reduction", attrPath, false),
            Bool(file, attrs, "parent_child_ports_shared", attrPath, false),
            Bw("parent_read_bw"),
            Bw("parent_write_bw"),
            Bw("child_read_bw"),
            Bw("child_write_bw"),
            Bw("link_read_bw"),
            Bw("link_write_bw"),
            Bool(file, attrs, "dma_contiguous", attrPath, false),
            Energy("parent_read_energy"),
            Energy("parent_write_energy"),
            Energy("child_read_energy"),
            Energy("child_write_energy"));
    }

    /// <summary>A bandwidth in bytes/cycle; the tool reads a double and keeps its 32-bit integer part.</summary>
    private static long Bandwidth(YamlFile file, YamlNode? node, string path)
    {
        if (node is null)
        {
            return 0;
        }

        var value = file.AsDouble(node, path);
        if (value <= 0)
        {
            throw file.Error(node, path, $"bandwidth must be positive, found {file.AsString(node, path)}");
        }

        if (value >= 4294967296.0)
        {
            throw file.Error(node, path, $"bandwidth {file.AsString(node, path)} overflows the tool's 32-bit field");
        }

        return (long)value;
    }

    internal static long PositiveInt(YamlFile file, YamlMappingNode map, string key, string path, long? fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback ?? throw file.Error(map, path, $"missing required key '{key}'");
        }

        var value = file.AsInt64(node, $"{path}.{key}");
        if (value <= 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must be positive, found {value}");
        }

        return value;
    }

    internal static long NonNegativeInt(YamlFile file, YamlMappingNode map, string key, string path, long fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback;
        }

        var value = file.AsInt64(node, $"{path}.{key}");
        if (value < 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must not be negative, found {value}");
        }

        return value;
    }

    internal static double NonNegativeDouble(YamlFile file, YamlMappingNode map, string key, string path, double fallback)
    {
        var node = YamlFile.Find(map, key);
        if (node is null)
        {
            return fallback;
        }

        var value = file.AsDouble(node, $"{path}.{key}");
        if (value < 0)
        {
            throw file.Error(node, $"{path}.{key}", $"must not be negative, found {value}");
        }

        return value;
    }

    internal static bool Bool(YamlFile file, YamlMappingNode map, string key, string path, bool fallback)
    {
        var node = YamlFile.Find(map, key);
        return node is null ? fallback : file.AsBool(node, $"{path}.{key}");
    }

    /// <summary>Strips an instance-range suffix: <c>GBuffer[0..3]</c> → <c>GBuffer</c>.</summary>
    public static string StripRange(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? name[..bracket] : name;
    }

    private sealed class LevelDraft
    {
        public int Id;
        public string Name = string.Empty;
        public string TypeName = string.Empty;
        public bool IsCompute;
        public bool IsRoot;
        public long MeshX = 1;
        public long MeshY = 1;
        public ComputeTypeSpec? Compute;
        public MemoryTypeSpec? Memory;
        public NetworkSpec? Link;
        public readonly SortedSet<int> Parents = new();
        public readonly SortedSet<int> Children = new();
        public readonly Dictionary<int, NetworkSpec> ChildNetworks = new();
        public long Line;
    }

    private sealed class HierarchyBuilder(YamlFile file, List<ComputeTypeSpec> computes, List<MemoryTypeSpec> memories)
    {
        private readonly List<LevelDraft> levels = new();
        private readonly Dictionary<string, LevelDraft> byName = new();

        /// <summary>Warnings in the order their nodes were read.</summary>
        public List<InputWarning> Warnings { get; } = new();

        public IReadOnlyList<HierarchyLevelSpec> Build() => levels
            .Select(l => new HierarchyLevelSpec(
                l.Id, l.Name, l.TypeName, l.IsCompute, l.IsRoot, l.MeshX, l.MeshY, l.Compute, l.Memory, l.Link,
                l.Parents.ToList(), l.Children.ToList(), new Dictionary<int, NetworkSpec>(l.ChildNetworks), l.Line))
            .ToList();

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
                file.CheckKeys(attrs, path + ".attributes", NetworkAttributeKeys);
                if (YamlFile.Find(attrs, "link_transfers") is { } lt && file.AsBool(lt, path + ".attributes.link_transfers"))
                {
                    draft.Link = ParseNetwork(attrs, path + ".attributes");
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
                    var values = items.Select((n, i) => PositiveValue(n, $"{path}.attributes.mesh[{i}]")).ToList();
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
                CheckLinkRate(attrs, path + ".attributes", draft);
            }

            return draft;
        }

        /// <summary>Warns when the mesh's links (channel_width bits per queuing_delay cycles) move far less than the port bandwidth that feeds them.</summary>
        private void CheckLinkRate(YamlMappingNode attrs, string path, LevelDraft level)
        {
            if (YamlFile.Find(attrs, "bw") is null || YamlFile.Find(attrs, "connection_type") is not { } type
                || file.AsString(type, path + ".connection_type") == "HXbarNetwork" || level.MeshX * level.MeshY <= 1)
            {
                return; // no mesh links between the instances: nothing serializes on a link
            }

            var queuing = NonNegativeInt(file, attrs, "queuing_delay", path, 0);
            if (queuing == 0)
            {
                return; // no serialization term: a link is never slower than its port
            }

            var width = PositiveInt(file, attrs, "channel_width", path, 32);
            var port = PositiveInt(file, attrs, "bw", path, null);
            var linkBytesPerCycle = width / 8.0 / queuing;
            if (linkBytesPerCycle * LinkRateWarningRatio > port)
            {
                return;
            }

            var widthNode = YamlFile.Find(attrs, "channel_width");
            var at = widthNode ?? YamlFile.Find(attrs, "queuing_delay");
            var key = widthNode is not null ? path + ".channel_width" : path + ".queuing_delay";
            var widthText = widthNode is not null ? $"channel_width {width} bits" : $"channel_width {width} bits, the default,";
            var c = System.Globalization.CultureInfo.InvariantCulture;
            Warnings.Add(file.Warning(at, key,
                $"the {level.Name} mesh links move {linkBytesPerCycle.ToString("0.##", c)} B/cycle ({widthText} per queuing_delay {queuing} cycles), far below the {port.ToString(c)} B/cycle ports (bw) that feed them; transfers over this mesh are link-bound",
                $"set channel_width: {(port * 8 * queuing).ToString(c)} to match the ports"));
        }

        private long PositiveValue(YamlNode node, string path)
        {
            var v = file.AsInt64(node, path);
            return v > 0 ? v : throw file.Error(node, path, $"must be positive, found {v}");
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
                level.ChildNetworks[child.Id] = ParseNetwork(attrs, childPath + ".attributes");
                _ = fill || drain;
            }
        }

        private NetworkSpec ParseNetwork(YamlMappingNode attrs, string path)
        {
            var typeNode = YamlFile.Find(attrs, "connection_type");
            if (typeNode is null)
            {
                throw file.Error(attrs, path, "missing required key 'connection_type' (MeshNetwork or HXbarNetwork)");
            }

            var typeText = file.AsString(typeNode, path + ".connection_type");
            var kind = typeText switch
            {
                "MeshNetwork" or "null" or "" => NetworkKind.Mesh,
                "HXbarNetwork" => NetworkKind.HierarchicalCrossbar,
                _ => throw file.Error(typeNode, path + ".connection_type", $"unknown connection type '{typeText}'", NameHints.DidYouMean(typeText, ["MeshNetwork", "HXbarNetwork"])),
            };
            var hasMesh = YamlFile.Find(attrs, "meshX") is not null;
            if (!hasMesh && YamlFile.Find(attrs, "meshY") is { } meshYOnly)
            {
                throw file.Error(meshYOnly, path + ".meshY", "meshY is given without meshX");
            }

            if (!hasMesh)
            {
                // the tool's network spec reads its mesh flag unconditionally and aborts when meshX is absent
                throw file.Error(attrs, path, "missing required key 'meshX' (the network's mesh shape)",
                    YamlFile.Find(attrs, "mesh") is not null ? "the list form 'mesh:' sets only the instance count; add meshX/meshY" : "add meshX and meshY");
            }

            var meshX = hasMesh ? PositiveInt(file, attrs, "meshX", path, 1) : 1;
            var meshY = hasMesh ? PositiveInt(file, attrs, "meshY", path, 1) : 1;
            if (YamlFile.Find(attrs, "bw") is null)
            {
                throw file.Error(attrs, path, "missing required key 'bw' (the network port bandwidth, bytes/cycle)");
            }

            var hierarchy = new List<long>();
            if (YamlFile.Find(attrs, "hierarchy_levels") is { } hl)
            {
                var items = YamlFile.Items(hl);
                for (var i = 0; i < items.Count; i++)
                {
                    hierarchy.Add(PositiveValue(items[i], $"{path}.hierarchy_levels[{i}]"));
                }
            }

            return new NetworkSpec(
                kind,
                hasMesh,
                meshX,
                meshY,
                PositiveInt(file, attrs, "bw", path, null),
                NonNegativeInt(file, attrs, "hop_latency", path, 1),
                NonNegativeInt(file, attrs, "queuing_delay", path, 0),
                PositiveInt(file, attrs, "channel_width", path, 32),
                Bool(file, attrs, "broadcast_support", path, false),
                Bool(file, attrs, "reduction_support", path, false),
                NonNegativeInt(file, attrs, "reduction_latency", path, 0),
                hierarchy,
                PositiveInt(file, attrs, "packet_bytes", path, NetworkSpec.DefaultPacketBytes));
        }
    }
}
