using System.Globalization;
using CsvHelper;

namespace Comet.Sim;

/// <summary>Streams trace records to a CSV file (header <c>start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason</c>), culture-invariant, LF line ends, UTF-8 without BOM.</summary>
public sealed class CsvTraceSink : ITraceSink
{
    /// <summary>The header row, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["start_cycle", "end_cycle", "component", "instance", "activity", "operation", "tensor", "tile", "bytes", "stall_reason"];

    private static readonly string[] HeaderRow = [.. Columns];

    private readonly CsvWriter _csv;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public CsvTraceSink(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>; disposing the sink closes it unless <paramref name="leaveOpen"/>.</summary>
    public CsvTraceSink(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var options = new CsvWriterOptions
        {
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = false,
        };
        _csv = CsvWriter.Create(stream, options, leaveOpen);
        _csv.WriteHeader(HeaderRow);
    }

    /// <summary>Number of records written.</summary>
    public long Records { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _csv.WriteField(record.Start, default);
        _csv.WriteField(record.End, default);
        _csv.WriteField(record.Component);
        _csv.WriteField(record.Instance, default);
        _csv.WriteField(ActivityNames.Of(record.Activity));
        _csv.WriteField(record.Operation);
        _csv.WriteField(record.Tensor);
        if (record.Tile < 0)
            _csv.WriteField(string.Empty);
        else
            _csv.WriteField(record.Tile, default);
        _csv.WriteField(record.Bytes, default);
        _csv.WriteField(record.Detail);
        _csv.EndRecord();
        Records++;
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (!_disposed)
            _csv.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _csv.Flush();
        _csv.Dispose();
    }
}
