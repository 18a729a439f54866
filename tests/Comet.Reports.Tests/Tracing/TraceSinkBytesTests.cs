using System.Security.Cryptography;
using System.Text;
using Comet.Reports.Tracing;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

/// <summary>Pins the exact bytes the trace sinks write, so that faster writers can be checked against the format they replace.</summary>
public class TraceSinkBytesTests
{
    // Escapes and edge cases on purpose: non-ASCII, a non-BMP character, controls, quotes, separators, line breaks, a lone
    // surrogate, HTML-sensitive characters, a negative tile, extreme numbers, a partial overlap (an extra lane) and a far instance.
    private static TraceRecord[] Sample() =>
    [
        new(0, 10, "GEMM", 3, ActivityKind.Compute, "Q\u00B7K", "S", 0, 4096, ""),
        new(10, 25, "DRAM", 0, ActivityKind.Read, "load", "K", -1, 65536, ""),
        new(12, 30, "GEMM", 3, ActivityKind.Stall, "Q\u00B7K", "S", 1, 0, "waiting on OB[3].space, \"full\""),
        new(5, 40, "NoC", 1, ActivityKind.Collective, "reduce", "S", 2, 1234567890123, ""),
        new(20, 35, "GEMM", 3, ActivityKind.Write, "", "C\\D", 7, -5, "line1\nline2\r\tend"),
        new(36, 36, "SIMD <0>", 12, ActivityKind.Transfer, "a+b & 'c' `d`", " pad ", long.MaxValue, long.MinValue, "=SUM(A1)"),
        new(36, 50, "SIMD <0>", 12, ActivityKind.Compute, "emoji \uD83D\uDE00 \u00E9 \u4E2D", "x\u0001y\u001F\u007F", 3, 1, "\u2028\u2029\u00A0\uFEFF"),
        new(40, 45, "SIMD <0>", 12, ActivityKind.Stall, "", "", -7, 0, "lone \uD800 surrogate"),
        new(long.MinValue / 4, 0, "DRAM", 70000, ActivityKind.Read, "far", "K", 0, 8, ""),
    ];

    private const string ExpectedCsv =
        "start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason\n"
        + "0,10,GEMM,3,compute,Q\u00B7K,S,0,4096,\n"
        + "10,25,DRAM,0,read,load,K,,65536,\n"
        + "12,30,GEMM,3,stall,Q\u00B7K,S,1,0,\"waiting on OB[3].space, \"\"full\"\"\"\n"
        + "5,40,NoC,1,collective,reduce,S,2,1234567890123,\n"
        + "20,35,GEMM,3,write,,C\\D,7,-5,\"line1\n"
        + "line2\r\tend\"\n"
        + "36,36,SIMD <0>,12,transfer,a+b & 'c' `d`, pad ,9223372036854775807,-9223372036854775808,=SUM(A1)\n"
        + "36,50,SIMD <0>,12,compute,emoji \uD83D\uDE00 \u00E9 \u4E2D,x\u0001y\u001F\u007F,3,1,\u2028\u2029\u00A0\uFEFF\n"
        + "40,45,SIMD <0>,12,stall,,,,0,lone \uFFFD surrogate\n"
        + "-2305843009213693952,0,DRAM,70000,read,far,K,0,8,\n";

    private const string ExpectedJson =
        "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"time_unit\":\"cycles\",\"note\":\"ts and dur are simulated cycles, not microseconds\"},\"traceEvents\":[{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"GEMM\"}},"
        + "{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":1,\"args\":{\"sort_index\":1}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"GEMM[3]\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"sort_index\":1}},"
        + "{\"name\":\"Q\u00B7K\",\"cat\":\"compute\",\"ph\":\"X\",\"ts\":0,\"dur\":10,\"pid\":1,\"tid\":1,\"args\":{\"tensor\":\"S\",\"tile\":0,\"bytes\":4096}},"
        + "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":2,\"args\":{\"name\":\"DRAM\"}},"
        + "{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":2,\"args\":{\"sort_index\":2}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":2,\"tid\":2,\"args\":{\"name\":\"DRAM[0]\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":2,\"tid\":2,\"args\":{\"sort_index\":2}},"
        + "{\"name\":\"load\",\"cat\":\"read\",\"ph\":\"X\",\"ts\":10,\"dur\":15,\"pid\":2,\"tid\":2,\"args\":{\"tensor\":\"K\",\"bytes\":65536}},"
        + "{\"name\":\"Q\u00B7K\",\"cat\":\"stall\",\"ph\":\"X\",\"ts\":12,\"dur\":18,\"pid\":1,\"tid\":1,\"args\":{\"tensor\":\"S\",\"tile\":1,\"bytes\":0,\"stall_reason\":\"waiting on OB[3].space, \\\"full\\\"\"}},"
        + "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":3,\"args\":{\"name\":\"NoC\"}},"
        + "{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":3,\"args\":{\"sort_index\":3}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":3,\"tid\":3,\"args\":{\"name\":\"NoC[1]\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":3,\"tid\":3,\"args\":{\"sort_index\":3}},"
        + "{\"name\":\"reduce\",\"cat\":\"collective\",\"ph\":\"X\",\"ts\":5,\"dur\":35,\"pid\":3,\"tid\":3,\"args\":{\"tensor\":\"S\",\"tile\":2,\"bytes\":1234567890123}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":4,\"args\":{\"name\":\"GEMM[3] #1\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":4,\"args\":{\"sort_index\":4}},"
        + "{\"name\":\"write\",\"cat\":\"write\",\"ph\":\"X\",\"ts\":20,\"dur\":15,\"pid\":1,\"tid\":4,\"args\":{\"tensor\":\"C\\\\D\",\"tile\":7,\"bytes\":-5,\"stall_reason\":\"line1\\nline2\\r\\tend\"}},"
        + "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":4,\"args\":{\"name\":\"SIMD <0>\"}},"
        + "{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":4,\"args\":{\"sort_index\":4}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":4,\"tid\":5,\"args\":{\"name\":\"SIMD <0>[12]\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":4,\"tid\":5,\"args\":{\"sort_index\":5}},"
        + "{\"name\":\"a+b & 'c' `d`\",\"cat\":\"transfer\",\"ph\":\"X\",\"ts\":36,\"dur\":0,\"pid\":4,\"tid\":5,\"args\":{\"tensor\":\" pad \",\"tile\":9223372036854775807,\"bytes\":-9223372036854775808,\"stall_reason\":\"=SUM(A1)\"}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":4,\"tid\":6,\"args\":{\"name\":\"SIMD <0>[12] #1\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":4,\"tid\":6,\"args\":{\"sort_index\":6}},"
        + "{\"name\":\"emoji \\uD83D\\uDE00 \u00E9 \u4E2D\",\"cat\":\"compute\",\"ph\":\"X\",\"ts\":36,\"dur\":14,\"pid\":4,\"tid\":6,\"args\":{\"tensor\":\"x\\u0001y\\u001F\\u007F\",\"tile\":3,\"bytes\":1,\"stall_reason\":\"\\u2028\\u2029\\u00A0\\uFEFF\"}},"
        + "{\"name\":\"stall\",\"cat\":\"stall\",\"ph\":\"X\",\"ts\":40,\"dur\":5,\"pid\":4,\"tid\":5,\"args\":{\"bytes\":0,\"stall_reason\":\"lone \\uFFFD surrogate\"}},"
        + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":2,\"tid\":7,\"args\":{\"name\":\"DRAM[70000]\"}},"
        + "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":2,\"tid\":7,\"args\":{\"sort_index\":7}},"
        + "{\"name\":\"far\",\"cat\":\"read\",\"ph\":\"X\",\"ts\":-2305843009213693952,\"dur\":2305843009213693952,\"pid\":2,\"tid\":7,\"args\":{\"tensor\":\"K\",\"tile\":0,\"bytes\":8}}]}";

    [Test]
    public void Csv_WritesExactlyThePinnedBytes()
    {
        Assert.That(Encoding.UTF8.GetString(Write(ms => new CsvTraceSink(ms, leaveOpen: true), Sample())), Is.EqualTo(ExpectedCsv));
    }

    [Test]
    public void Chrome_WritesExactlyThePinnedBytes()
    {
        Assert.That(Encoding.UTF8.GetString(Write(ms => new ChromeTraceSink(ms, leaveOpen: true), Sample())), Is.EqualTo(ExpectedJson));
    }

    [Test]
    public void Sinks_WriteTheSameBytes_WhenStringsAreFreshInstancesEveryRecord()
    {
        // Writers may cache encoded strings by reference: equal strings that are different instances must not change a byte.
        var copies = Sample().Select(r => r with
        {
            Component = new string(r.Component.AsSpan()),
            Operation = new string(r.Operation.AsSpan()),
            Tensor = new string(r.Tensor.AsSpan()),
            Detail = new string(r.Detail.AsSpan()),
        }).ToArray();
        Assert.That(Encoding.UTF8.GetString(Write(ms => new CsvTraceSink(ms, leaveOpen: true), copies)), Is.EqualTo(ExpectedCsv));
        Assert.That(Encoding.UTF8.GetString(Write(ms => new ChromeTraceSink(ms, leaveOpen: true), copies)), Is.EqualTo(ExpectedJson));
    }

    [Test]
    public void Pipeline_WritesThePinnedBytes_ForManyOverlappingAndRepeatedRecords()
    {
        // The production chain on 60 000 records with back-to-back repeats, overlaps, shared starts and 40 instances:
        // exercises coalescing, lane placement past the lanes' retention limit and buffer flushes. Hashes pinned from
        // the writers as they were before they were optimised.
        using var csv = new MemoryStream();
        using var json = new MemoryStream();
        using (var sink = new BackgroundTraceSink(new CoalescingTraceSink(new CompositeTraceSink(
                   new CsvTraceSink(csv, leaveOpen: true), new ChromeTraceSink(json, leaveOpen: true)))))
        {
            foreach (var r in ManyRecords())
                sink.Write(r);
        }
        Assert.That(Convert.ToHexString(SHA256.HashData(csv.ToArray())), Is.EqualTo(PinnedCsvSha256));
        Assert.That(Convert.ToHexString(SHA256.HashData(json.ToArray())), Is.EqualTo(PinnedJsonSha256));
    }

    private const string PinnedCsvSha256 = "A93B113239E068BF3CBDE64CA7A3DBFC6D50EA5E434CB7DDD91897683C70A62A";
    private const string PinnedJsonSha256 = "9E5DDCC659CCC5BE96192F83D206D3CDBEEE38A77A1BCD80AF782945A9F30C4E";

    private static IEnumerable<TraceRecord> ManyRecords()
    {
        var random = new SimRandom(11);
        string[] components = ["GEMM", "SIMD", "DRAM", "GB.noc"];
        string[] operations = ["DataMovementTileNode::0", "softmax", "Q\u00B7K", ""];
        string[] tensors = ["A", "B", "C", ""];
        string[] details = ["", "", "", "OB[0].space full"];
        var clock = new long[40];
        for (var i = 0; i < 60_000; i++)
        {
            var slot = random.Next(clock.Length);
            var start = Math.Max(0, clock[slot] - (random.Next(8) == 0 ? random.NextInt64(0, 50) : 0));
            var end = start + random.NextInt64(0, 40) / 5 * 5;
            clock[slot] = Math.Max(clock[slot], end);
            var kind = (ActivityKind)random.Next(6);
            yield return new TraceRecord(start, end, components[slot % components.Length], slot / components.Length, kind,
                operations[random.Next(operations.Length)], tensors[random.Next(tensors.Length)], random.Next(5) - 1,
                random.NextInt64(0, 1L << 20), kind == ActivityKind.Stall ? details[random.Next(details.Length)] : "");
        }
    }

    private static byte[] Write(Func<Stream, ITraceSink> open, IEnumerable<TraceRecord> records)
    {
        using var ms = new MemoryStream();
        using (var sink = open(ms))
        {
            foreach (var r in records)
                sink.Write(r);
        }
        return ms.ToArray();
    }
}
