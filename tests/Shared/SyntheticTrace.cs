using System.Globalization;
using System.Text;

namespace Comet.Tests.Shared;

/// <summary>Writes a plausible trace CSV: per cluster, DRAM reads, buffer fills, GEMM compute, a collective on the NoC, waits for it, SIMD work.</summary>
internal static class SyntheticTrace
{
    public const string Header = "start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason";

    /// <summary>Writes <paramref name="tiles"/> tiles for each of <paramref name="clusters"/> clusters and returns the number of rows written.</summary>
    public static long Write(string path, int clusters, int tiles, int seed = 1)
    {
        var random = new Random(seed);
        long rows = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Header);

        void Row(long start, long end, string component, int instance, string activity, string op, string tensor, long tile, long bytes, string reason = "")
        {
            writer.Write(start.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(end.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(component);
            writer.Write(',');
            writer.Write(instance.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(activity);
            writer.Write(',');
            writer.Write(op);
            writer.Write(',');
            writer.Write(tensor);
            writer.Write(',');
            writer.Write(tile < 0 ? string.Empty : tile.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(bytes.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(reason);
            rows++;
        }

        long t = 0;
        for (var tile = 0; tile < tiles; tile++)
        {
            // DRAM streams tile A and B into every cluster's global buffer.
            var dramEnd = t + 400;
            Row(t, dramEnd, "DRAM", 0, "read", "GEMM", "A", tile, 8192);
            var clusterDone = new long[clusters];
            for (var c = 0; c < clusters; c++)
            {
                var fill = dramEnd + (c * 20);
                Row(dramEnd, fill + 150, "GBuffer", c, "write", "GEMM", "A", tile, 4096);
                Row(fill + 150, fill + 300, "IBuffer", c, "write", "GEMM", "A", tile, 2048);
                var compute = 900 + random.Next(0, 700);
                Row(fill + 300, fill + 300 + compute, "GEMM", c, "compute", "GEMM", "C", tile, 0);
                clusterDone[c] = fill + 300 + compute;
            }

            // All-reduce of the row maxima: every cluster waits for the slowest one, then the ring runs on the NoC.
            var slowest = clusterDone.Max();
            var ringEnd = slowest + 250;
            for (var c = 0; c < clusters; c++)
            {
                if (clusterDone[c] < slowest)
                {
                    Row(clusterDone[c], slowest, "GEMM", c, "stall", "ROWMAX", "C", tile, 0, "collective allreduce#" + tile.ToString(CultureInfo.InvariantCulture));
                }

                Row(slowest, ringEnd, "NoC", c, "transfer", "ALLREDUCE", "C", tile, 512);
                Row(slowest, ringEnd, "OBuffer", c, "collective", "ALLREDUCE", "C", tile, 512);
                Row(slowest, ringEnd, "SIMD", c, "stall", "SUB", "C", tile, 0, "collective allreduce#" + tile.ToString(CultureInfo.InvariantCulture));
                Row(ringEnd, ringEnd + 120, "SIMD", c, "compute", "EXP", "C", tile, 0);
                Row(ringEnd + 120, ringEnd + 140, "SIMD", c, "stall", "DIV", "D", tile, 0, "buffer full OBuffer");
                Row(ringEnd + 140, ringEnd + 200, "OBuffer", c, "read", "DIV", "D", tile, 256);
            }

            Row(ringEnd + 200, ringEnd + 320, "DRAM", 0, "write", "softmax", "D", tile, 4096);
            t = ringEnd + 200;
        }

        return rows;
    }
}
