using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using static Comet.Hardware.Loading.AttributeReader;

namespace Comet.Hardware.Loading;

/// <summary>Parses one entry of arch.yaml's <c>MemoryTypes</c> into a <see cref="MemoryTypeSpec"/>, with Comet's DRAM extension keys.</summary>
internal static class MemoryTypeParser
{
    /// <summary>The attribute keys a memory type may have (the tool's, then Comet's <c>dram_*</c> extensions).</summary>
    public static readonly string[] AttributeKeys =
    [
        "width", "depth", "ports", "doublebuffered", "reduction", "parent_child_ports_shared", "child_read_bw", "child_write_bw",
        "parent_read_bw", "parent_write_bw", "link_read_bw", "link_write_bw", "bw", "dma_contiguous", "parent_read_energy",
        "parent_write_energy", "child_read_energy", "child_write_energy", "dram_channels", "dram_interleave_bytes", "dram_access_latency",
        "dma_chunk_bytes", "dma_staging_chunks",
    ];

    /// <summary>Parses the memory type at <paramref name="node"/> (<paramref name="path"/> names it in errors).</summary>
    public static MemoryTypeSpec Parse(YamlFile file, YamlNode node, string path)
    {
        var map = file.AsMapping(node, path);
        var name = ArchitectureLoader.StripRange(file.AsString(file.Require(map, "name", path), path + ".name"));
        var attrPath = path + ".attributes";
        var attrs = file.AsMapping(file.Require(map, "attributes", path), attrPath);
        file.CheckKeys(attrs, attrPath, AttributeKeys);
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
            Energy("child_write_energy"))
        {
            Dram = ParseDram(file, attrs, attrPath),
            Dma = ParseDma(file, attrs, attrPath),
        };
    }

    /// <summary>The DRAM organisation keys (Comet extensions), each defaulting to the tool's single channel.</summary>
    private static DramSpec ParseDram(YamlFile file, YamlMappingNode attrs, string path)
    {
        var channels = PositiveInt(file, attrs, "dram_channels", path, DramSpec.Default.Channels);
        if (channels > DramSpec.MaxChannels)
        {
            throw file.Error(YamlFile.Find(attrs, "dram_channels"), path + ".dram_channels", $"must be at most {DramSpec.MaxChannels}, found {channels}");
        }

        return new DramSpec(
            (int)channels,
            PositiveInt(file, attrs, "dram_interleave_bytes", path, DramSpec.Default.InterleaveBytes),
            NonNegativeInt(file, attrs, "dram_access_latency", path, DramSpec.Default.AccessLatencyCycles));
    }

    /// <summary>The DMA keys of pipelined moves (Comet extensions): chunk bytes and staging depth.</summary>
    private static DmaSpec ParseDma(YamlFile file, YamlMappingNode attrs, string path)
    {
        var depth = PositiveInt(file, attrs, "dma_staging_chunks", path, DmaSpec.Default.StagingChunks);
        if (depth > DmaSpec.MaxStagingChunks)
        {
            throw file.Error(YamlFile.Find(attrs, "dma_staging_chunks"), path + ".dma_staging_chunks", $"must be at most {DmaSpec.MaxStagingChunks}, found {depth}");
        }

        return new DmaSpec(PositiveInt(file, attrs, "dma_chunk_bytes", path, DmaSpec.Default.ChunkBytes), (int)depth);
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
}
