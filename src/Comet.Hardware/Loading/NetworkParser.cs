using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using static Comet.Hardware.Loading.AttributeReader;

namespace Comet.Hardware.Loading;

/// <summary>Parses the network of a level's <c>attributes</c> (to its parent, or between its instances) into a <see cref="NetworkSpec"/>.</summary>
internal static class NetworkParser
{
    /// <summary>The attribute keys a level's network may have.</summary>
    public static readonly string[] AttributeKeys =
    [
        "meshX", "meshY", "mesh", "connection_type", "bw", "hop_latency", "queuing_delay", "channel_width", "broadcast_support",
        "reduction_support", "reduction_latency", "efficiency", "hierarchy_levels", "link_transfers", "packet_bytes", "attach",
    ];

    /// <summary>Parses the network attributes at <paramref name="path"/> (connection type, mesh, port bandwidth, hop and queuing delays, support flags).</summary>
    public static NetworkSpec Parse(YamlFile file, YamlMappingNode attrs, string path)
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
                hierarchy.Add(PositiveItem(file, items[i], $"{path}.hierarchy_levels[{i}]"));
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
            PositiveInt(file, attrs, "packet_bytes", path, NetworkSpec.DefaultPacketBytes),
            ParseAttach(file, attrs, path, meshX, meshY));
    }

    /// <summary>The <c>attach</c> list: distinct routers <c>[x, y]</c> inside the meshX × meshY mesh, or null when absent.</summary>
    private static IReadOnlyList<MeshNode>? ParseAttach(YamlFile file, YamlMappingNode attrs, string path, long meshX, long meshY)
    {
        if (YamlFile.Find(attrs, "attach") is not { } node)
        {
            return null;
        }

        var items = YamlFile.Items(file.AsSequence(node, path + ".attach"));
        if (items.Count == 0)
        {
            throw file.Error(node, path + ".attach", "must list at least one router [x, y]");
        }

        var nodes = new List<MeshNode>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.attach[{i}]";
            var pair = YamlFile.Items(file.AsSequence(items[i], itemPath));
            if (pair.Count != 2)
            {
                throw file.Error(items[i], itemPath, $"must be a router [x, y], found {pair.Count} numbers");
            }

            var x = file.AsInt64(pair[0], itemPath + "[0]");
            var y = file.AsInt64(pair[1], itemPath + "[1]");
            if (x < 0 || x >= meshX || y < 0 || y >= meshY)
            {
                throw file.Error(items[i], itemPath, $"router [{x}, {y}] is outside the {meshX} x {meshY} mesh (x in 0..{meshX - 1}, y in 0..{meshY - 1})");
            }

            var router = new MeshNode((int)x, (int)y);
            if (nodes.Contains(router))
            {
                throw file.Error(items[i], itemPath, $"router [{x}, {y}] is listed twice");
            }

            nodes.Add(router);
        }

        return nodes;
    }
}
