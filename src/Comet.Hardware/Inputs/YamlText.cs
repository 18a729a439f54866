using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;

namespace Comet.Hardware.Inputs;

/// <summary>Turns the bytes of a YAML file into text and YAML syntax failures into words, with the line and column they happen at.</summary>
public static class YamlText
{
    // YamlDotNet's wording for its most common failures, said the way a person fixes them.
    private static readonly (string Library, string Words)[] Rewordings =
    [
        ("Did not find expected <document end>", "more text where the document should have ended (often a line indented less than the lines around it, or a key without its ':')"),
        ("While scanning for the next token, found character that cannot start any token", "a character that cannot start a YAML value (put the value in quotes)"),
        ("Mapping values are not allowed in this context", "a ':' where no key can start (put the value in quotes, or the key on its own line)"),
        ("While parsing a block mapping, did not find expected key", "expected a key here (check this line's indentation)"),
        ("While scanning a quoted scalar, found unexpected end of stream", "a quote that is never closed"),
        ("While scanning a simple key, could not find expected ':'", "a key without its ':'"),
        ("While scanning a plain scalar value, found invalid mapping", "a ':' inside a value (put the value in quotes, or check this line's indentation)"),
    ];

    // C0 controls but tab and line ends, DEL, and C1 controls but NEL: what YAML forbids below U+00A0 (U+FFFE and U+FFFF are checked apart).
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r' or '\u0085') && (c < ' ' || c >= '\u007F'))]);

    /// <summary>Decodes UTF-8 (or UTF-16 with its byte-order mark), refusing bytes that are not text.</summary>
    /// <exception cref="InputException">The bytes are not valid UTF-8.</exception>
    public static string Decode(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        // Only a file that is not UTF-8 is walked rune by rune, to say where it stops being text.
        for (var at = Utf8.IsValid(span) ? span.Length : 0; at < span.Length;)
        {
            if (Rune.DecodeFromUtf8(span[at..], out _, out var used) != OperationStatus.Done)
            {
                var (line, column) = Position(Encoding.UTF8.GetString(span[..at]), at: -1);
                throw new InputException(fileName, YamlFile.SyntaxKey, $"not UTF-8 text (byte 0x{span[at].ToString("X2", CultureInfo.InvariantCulture)}); a YAML file is plain text, is this the right file?", line, column);
            }

            at += used;
        }

        return Encoding.UTF8.GetString(span);
    }

    /// <summary>Refuses the characters YAML does not allow in a file (control characters other than tab and line ends), as found in binary files.</summary>
    /// <exception cref="InputException">The text holds such a character.</exception>
    public static void RejectControlCharacters(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.AsSpan().IndexOfAny(ControlCharacters);
        var noncharacter = text.AsSpan().IndexOfAnyInRange('\uFFFE', '\uFFFF');
        if (noncharacter >= 0 && (at < 0 || noncharacter < at))
        {
            at = noncharacter;
        }

        if (at >= 0)
        {
            var (line, column) = Position(text, at);
            throw new InputException(fileName, YamlFile.SyntaxKey, $"control character U+{((int)text[at]).ToString("X4", CultureInfo.InvariantCulture)} is not allowed in YAML; the file looks binary, not text", line, column);
        }
    }

    /// <summary>What a YamlDotNet syntax error means, in words, without its position prefix.</summary>
    public static string Describe(YamlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && prefixEnd >= 0)
        {
            message = message[(prefixEnd + 3)..];
        }

        message = message.Trim().TrimEnd('.');
        foreach (var (library, words) in Rewordings)
        {
            if (message.StartsWith(library, StringComparison.Ordinal))
            {
                return words;
            }
        }

        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "the text cannot be read as YAML";
    }

    /// <summary>The 1-based line and column just after the last YAML event that could be read from <paramref name="text"/>.</summary>
    public static (long Line, long Column) LastReadablePosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = (Line: 1L, Column: 1L);
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    last = (current.End.Line, current.End.Column);
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Where it stopped is the answer.
        }

        return last;
    }

    // 1-based line and column of index `at` in `text` (at = -1: the position just after the text).
    private static (long Line, long Column) Position(string text, int at)
    {
        var end = at < 0 ? text.Length : at;
        var lineStart = text.LastIndexOf('\n', Math.Max(end - 1, 0)) + 1;
        if (end == 0)
        {
            lineStart = 0;
        }

        var line = 1 + text.AsSpan(0, end).Count('\n');
        return (line, end - lineStart + 1);
    }
}
