using System.Buffers.Text;
using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>A large byte buffer in front of a stream, into which trace writers copy UTF-8 pieces and format numbers directly, one record at a time.</summary>
/// <remarks>
/// A writer reserves room for a whole record (<see cref="Reserve"/>), fills the span, then <see cref="Advance"/>s;
/// the buffer goes to the stream only when it is full or on <see cref="Flush"/>, so the stream sees few, large writes.
/// </remarks>
internal sealed class Utf8TraceOutput
{
    /// <summary>Characters of the longest <see cref="long"/> in decimal (<c>-9223372036854775808</c>).</summary>
    public const int MaxInt64Bytes = 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _used;

    /// <summary>Buffers writes to <paramref name="stream"/> in chunks of <paramref name="capacity"/> bytes.</summary>
    public Utf8TraceOutput(Stream stream, int capacity)
    {
        _stream = stream;
        _buffer = new byte[capacity];
    }

    /// <summary>Free space of at least <paramref name="size"/> bytes at the end of the buffer, passing the buffer on first if needed.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _used < size)
        {
            Drain();
            if (_buffer.Length < size)
                _buffer = new byte[Math.Max(size, _buffer.Length * 2)]; // one very long string; rare
        }
        return _buffer.AsSpan(_used);
    }

    /// <summary>Commits <paramref name="count"/> bytes written into the span last returned by <see cref="Reserve"/>.</summary>
    public void Advance(int count) => _used += count;

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _used += bytes.Length;
    }

    /// <summary>Passes the buffered bytes to the stream (without flushing the stream).</summary>
    public void Drain()
    {
        if (_used == 0)
            return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Passes the buffered bytes on and flushes the stream.</summary>
    public void Flush()
    {
        Drain();
        _stream.Flush();
    }

    /// <summary>Copies <paramref name="bytes"/> to <paramref name="span"/> at <paramref name="position"/> and moves the position past them.</summary>
    public static void Put(Span<byte> span, ref int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[position..]);
        position += bytes.Length;
    }

    /// <summary>Formats <paramref name="value"/> in invariant decimal at <paramref name="position"/> and moves the position past it.</summary>
    public static void Put(Span<byte> span, ref int position, long value)
    {
        Utf8Formatter.TryFormat(value, span[position..], out var written);
        position += written;
    }
}
