using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Comet.Hardware.Inputs;

/// <summary>
/// Turns the block-style YAML our inputs are written in (block mappings and sequences, plain scalars, one-line flow
/// sequences, comments) into YamlDotNet's parsing events, with the same values, styles and start positions YamlDotNet's
/// own parser gives; anything else (quotes, anchors, tags, empty values, multi-line scalars, tabs, bad syntax) is left to
/// YamlDotNet by returning null.
/// </summary>
/// <remarks>YamlDotNet's character-by-character scanner was most of the cost of loading a case; this one walks each line once.</remarks>
internal sealed class BlockYamlScanner
{
    private readonly string _text;
    private readonly List<(int Start, int Indent, int End, int Number)> _lines = [];
    private readonly List<ParsingEvent> _events = [];
    private int _line;

    private BlockYamlScanner(string text) => _text = text;

    /// <summary>The events of <paramref name="text"/>, or null when it uses YAML this scanner leaves to YamlDotNet.</summary>
    public static List<ParsingEvent>? TryScan(string text)
    {
        if (text.AsSpan().IndexOfAny('\t', '\r', '"') >= 0 || text.Contains('\'', StringComparison.Ordinal) || text.StartsWith('\uFEFF'))
        {
            return null;
        }

        var scanner = new BlockYamlScanner(text);
        return scanner.Scan() ? scanner._events : null;
    }

    private bool Scan()
    {
        SplitLines();
        var origin = new Mark(0, 1, 1);
        _events.Add(new StreamStart(origin, origin));
        if (_lines.Count == 0)
        {
            return false;
        }

        var first = _lines[0];
        if (first.Indent != 0 || _text[first.Start] == '-' && _text.AsSpan(first.Start).StartsWith("---"))
        {
            return false;
        }

        var start = At(0, first.Start);
        _events.Add(new DocumentStart(null, null, true, start, start));
        if (!Node(0, first.Start) || _line < _lines.Count)
        {
            return false;
        }

        var end = new Mark(_text.Length, 1, 1);
        _events.Add(new DocumentEnd(true, end, end));
        _events.Add(new StreamEnd(end, end));
        return true;
    }

    // Each non-blank line as (first character, indentation, end of content with comments and trailing spaces removed).
    private void SplitLines()
    {
        var start = 0;
        var number = 1;
        while (start <= _text.Length)
        {
            var newline = _text.IndexOf('\n', start);
            var end = newline < 0 ? _text.Length : newline;
            var first = start;
            while (first < end && _text[first] == ' ')
            {
                first++;
            }

            var content = end;
            for (var i = first; i < end; i++)
            {
                if (_text[i] == '#' && (i == first || _text[i - 1] == ' '))
                {
                    content = i;
                    break;
                }
            }

            while (content > first && _text[content - 1] == ' ')
            {
                content--;
            }

            if (content > first)
            {
                _lines.Add((first, first - start, content, number));
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
            number++;
        }
    }

    // A node whose first character is at text index p on line l; consumes its lines.
    private bool Node(int l, int p)
    {
        var end = _lines[l].End;
        var c = _text[p];
        if (c == '-' && (p + 1 == end || _text[p + 1] == ' '))
        {
            return Sequence(l, p);
        }

        if (c == '[')
        {
            var q = Flow(l, p);
            _line = l + 1;
            return q == end;
        }

        if (!PlainStart(p, end))
        {
            return false;
        }

        return Key(p, end) >= 0 ? Mapping(l, p) : Scalar(l, p, end, allowKey: false);
    }

    private bool Sequence(int l, int p)
    {
        var column = Column(l, p);
        var mark = At(l, p);
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, mark, mark));
        while (true)
        {
            var end = _lines[l].End;
            var item = p + 1;
            while (item < end && _text[item] == ' ')
            {
                item++;
            }

            if (item < end)
            {
                if (!Node(l, item))
                {
                    return false;
                }
            }
            else if (l + 1 < _lines.Count && _lines[l + 1].Indent > column)
            {
                if (!Node(l + 1, _lines[l + 1].Start))
                {
                    return false;
                }
            }
            else
            {
                return false; // an empty item
            }

            if (_line >= _lines.Count || _lines[_line].Indent < column)
            {
                break;
            }

            var next = _lines[_line];
            if (next.Indent > column)
            {
                return false;
            }

            if (!IsEntry(next.Start, next.End))
            {
                break; // the parent mapping's next key, when the sequence sits at its key's indentation
            }

            l = _line;
            p = next.Start;
        }

        var close = At(l, p); // end marks are not used: nodes are reported at their start
        _events.Add(new SequenceEnd(close, close));
        return true;
    }

    private bool Mapping(int l, int p)
    {
        var column = Column(l, p);
        var mark = At(l, p);
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, mark, mark));
        while (true)
        {
            var end = _lines[l].End;
            var colon = Key(p, end);
            if (colon < 0 || !PlainStart(p, end))
            {
                return false;
            }

            var keyEnd = colon;
            while (_text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            AddScalar(l, p, keyEnd);
            var value = colon + 1;
            while (value < end && _text[value] == ' ')
            {
                value++;
            }

            if (value < end)
            {
                // "key: - x" and "key: other: x" are errors YamlDotNet reports.
                if (IsEntry(value, end) || Key(value, end) >= 0 || !Node(l, value))
                {
                    return false;
                }
            }
            else if (l + 1 < _lines.Count && (_lines[l + 1].Indent > column
                || _lines[l + 1].Indent == column && IsEntry(_lines[l + 1].Start, _lines[l + 1].End)))
            {
                if (!Node(l + 1, _lines[l + 1].Start))
                {
                    return false;
                }
            }
            else
            {
                return false; // an empty value
            }

            if (_line >= _lines.Count || _lines[_line].Indent < column)
            {
                break;
            }

            if (_lines[_line].Indent > column)
            {
                return false;
            }

            l = _line;
            p = _lines[l].Start;
        }

        var close = At(l, p); // end marks are not used: nodes are reported at their start
        _events.Add(new MappingEnd(close, close));
        return true;
    }

    // A plain scalar filling the rest of line l from p.
    private bool Scalar(int l, int p, int end, bool allowKey)
    {
        if (!allowKey && _text.AsSpan(p, end - p).Contains(": ", StringComparison.Ordinal))
        {
            return false;
        }

        AddScalar(l, p, end);
        _line = l + 1;
        return true;
    }

    // A one-line flow sequence starting at '[' (index p); returns the index after its ']' or -1.
    private int Flow(int l, int p)
    {
        var end = _lines[l].End;
        var mark = At(l, p);
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, mark, mark));
        p++;
        var first = true;
        while (true)
        {
            while (p < end && _text[p] == ' ')
            {
                p++;
            }

            if (p >= end)
            {
                return -1;
            }

            if (_text[p] == ']' && first)
            {
                break;
            }

            if (_text[p] == '[')
            {
                p = Flow(l, p);
                if (p < 0)
                {
                    return -1;
                }
            }
            else
            {
                var start = p;
                while (p < end && _text[p] is not (',' or ']'))
                {
                    if (_text[p] is '[' or '{' or '}' or ':' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '?')
                    {
                        return -1;
                    }

                    p++;
                }

                var last = p;
                while (last > start && _text[last - 1] == ' ')
                {
                    last--;
                }

                if (last == start || _text[start] == '-' && (start + 1 == last || _text[start + 1] == ' '))
                {
                    return -1;
                }

                AddScalar(l, start, last);
            }

            while (p < end && _text[p] == ' ')
            {
                p++;
            }

            if (p >= end)
            {
                return -1;
            }

            first = false;
            if (_text[p] == ']')
            {
                break;
            }

            if (_text[p] != ',')
            {
                return -1;
            }

            p++;
        }

        var close = At(l, p);
        _events.Add(new SequenceEnd(close, close));
        return p + 1;
    }

    private void AddScalar(int l, int start, int end)
        => _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text[start..end], ScalarStyle.Plain, true, false, At(l, start), At(l, end)));

    // The index of the ':' that ends a block mapping key starting at p, or -1.
    private int Key(int p, int end)
    {
        for (var i = p; i < end; i++)
        {
            if (_text[i] == ':' && (i + 1 == end || _text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsEntry(int p, int end) => _text[p] == '-' && (p + 1 == end || _text[p + 1] == ' ');

    // Plain scalars may not start with an indicator; those (and quotes) go to YamlDotNet.
    private bool PlainStart(int p, int end)
        => _text[p] is not ('-' or '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '?' or ':' or '"' or '\'')
           || _text[p] == '-' && p + 1 < end && _text[p + 1] != ' ';

    private int Column(int l, int p) => _lines[l].Indent + (p - _lines[l].Start);

    // YamlDotNet's marks: character index, 1-based line and column.
    private Mark At(int l, int p) => new(p, _lines[l].Number, Column(l, p) + 1);
}
