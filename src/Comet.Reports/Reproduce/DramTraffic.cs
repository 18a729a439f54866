using System.Text.Json;

namespace Comet.Reports.Reproduce;

/// <summary>Reads the bytes a simulation moved at the root memory from its summary.json.</summary>
public static class DramTraffic
{
    /// <summary>Bytes read plus written at <paramref name="rootLevel"/>: a sequence summary's <c>dram_bytes_read</c> + <c>dram_bytes_written</c>, else the root's row of <c>levels</c>; null when neither is there.</summary>
    public static long? FromSummary(string? summaryJson, string rootLevel)
    {
        if (summaryJson is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(summaryJson);
        var root = doc.RootElement;
        if (root.TryGetProperty("dram_bytes_read", out var read) && root.TryGetProperty("dram_bytes_written", out var written))
        {
            return read.GetInt64() + written.GetInt64();
        }

        if (!root.TryGetProperty("levels", out var levels))
        {
            return null;
        }

        foreach (var level in levels.EnumerateArray())
        {
            if (level.GetProperty("level").GetString() == rootLevel)
            {
                return level.GetProperty("bytes_read").GetInt64() + level.GetProperty("bytes_written").GetInt64();
            }
        }

        return null;
    }
}
