using System.Globalization;
using Comet.Sim;
using CsvHelper;

namespace Comet.Reports.Tracing;

/// <summary>Streams trace records to a CSV file (header <c>start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason</c>), culture-invariant, LF line ends, UTF-8 without BOM.</summary>
/// <remarks>
/// CsvHelper defines the format: it writes the header and decides how each distinct string is quoted and escaped. The
/// rows themselves are assembled from those cached field bytes and invariant decimal numbers in one large UTF-8 buffer,
/// because a trace repeats the same few strings millions of times and the writer thread is the simulation's bottleneck.
/// </remarks>
public sealed class CsvTraceSink : ITraceSink
{
    /// <summary>The header row, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["start_cycle", "end_cycle", "component", "instance", "activity", "operation", "tensor", "tile", "bytes", "stall_reason"];

    private const int BufferBytes = 1 << 18;

    // Fixed parts of a row: 9 separators and the line end, at most 5 numbers of 20 characters.
    private const int FixedRowBytes = 10 + 5 * Utf8TraceOutput.MaxInt64Bytes;

    private static readonly string[] HeaderRow = [.. Columns];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8TraceOutput _out;
    private readonly EncodedTextCache _fields;
    private readonly MemoryStream _scratch = new();
    private readonly CsvWriter _scratchCsv;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public CsvTraceSink(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>; disposing the sink closes it unless <paramref name="leaveOpen"/>.</summary>
    public CsvTraceSink(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _out = new Utf8TraceOutput(stream, BufferBytes);
        using (var header = CsvWriter.Create(_scratch, Options(), leaveOpen: true))
        {
            header.WriteHeader(HeaderRow);
            header.Flush();
        }
        _out.Write(TakeScratch());
        _scratchCsv = CsvWriter.Create(_scratch, Options(), leaveOpen: true);
        _fields = new EncodedTextCache(EncodeField);
    }

    /// <summary>Number of records written.</summary>
    public long Records { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var component = Field(record.Component);
        var activity = Field(ActivityNames.Of(record.Activity));
        var operation = Field(record.Operation);
        var tensor = Field(record.Tensor);
        var detail = Field(record.Detail);
        var span = _out.Reserve(FixedRowBytes + component.Length + activity.Length + operation.Length + tensor.Length + detail.Length);
        var p = 0;
        Utf8TraceOutput.Put(span, ref p, record.Start);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, record.End);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, component);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, record.Instance);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, activity);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, operation);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, tensor);
        span[p++] = (byte)',';
        if (record.Tile >= 0)
            Utf8TraceOutput.Put(span, ref p, record.Tile); // a negative tile is written empty
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, record.Bytes);
        span[p++] = (byte)',';
        Utf8TraceOutput.Put(span, ref p, detail);
        span[p++] = (byte)'\n';
        _out.Advance(p);
        Records++;
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (!_disposed)
            _out.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _out.Flush();
        _scratchCsv.Dispose();
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private static CsvWriterOptions Options() => new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    // CsvHelper writes a null string as an empty field.
    private ReadOnlySpan<byte> Field(string? text) => text is null or "" ? default : _fields.Get(text);

    /// <summary>The bytes CsvHelper writes for <paramref name="text"/> as a field (quoted and escaped if it needs to be): the second field of a scratch record.</summary>
    private byte[] EncodeField(string text)
    {
        _scratchCsv.WriteField("x");
        _scratchCsv.WriteField(text);
        _scratchCsv.EndRecord();
        _scratchCsv.Flush();
        var row = TakeScratch();
        return row.AsSpan(2, row.Length - 3).ToArray(); // drop "x," and the line end
    }

    private byte[] TakeScratch()
    {
        var bytes = _scratch.ToArray();
        _scratch.SetLength(0);
        return bytes;
    }
}
