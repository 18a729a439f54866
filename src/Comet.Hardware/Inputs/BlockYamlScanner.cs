namespace Comet.Hardware.Inputs;

/// <summary>
/// Builds the node tree of the block-style YAML our inputs are written in (block mappings and sequences, plain scalars,
/// one-line flow sequences, comments) with the same values and start positions YamlDotNet gives; anything else (quotes,
/// anchors, tags, empty values, multi-line scalars, tabs, duplicate keys, bad syntax) is left to YamlDotNet by returning null.
/// </summary>
/// <remarks>
/// YamlDotNet's character-by-character scanner, its parsing events and its representation model were most of the cost
/// of loading a case; this walks each line once and builds the nodes directly.
/// </remarks>
internal sealed class BlockYamlScanner
{
    private readonly string _text;
    private readonly List<(int Start, int Indent, int End, int Number)> _lines;

    // Items and pairs of the lists and mappings still open, innermost last; each node takes its own off the top when it closes.
    private readonly List<YamlNode> _items = [];
    private readonly List<KeyValuePair<YamlNode, YamlNode>> _pairs = [];
    private int _line;

    private BlockYamlScanner(string text)
    {
        _text = text;
        _lines = new List<(int, int, int, int)>(text.Length / 24);
    }

    /// <summary>The root node of <paramref name="text"/>, or null when it uses YAML this scanner leaves to YamlDotNet.</summary>
    public static YamlNode? TryScan(string text)
    {
        if (text.AsSpan().IndexOfAny('\t', '\r', '"') >= 0 || text.Contains('\'', StringComparison.Ordinal) || text.StartsWith('\uFEFF'))
        {
            return null;
        }

        return new BlockYamlScanner(text).Scan();
    }

    private YamlNode? Scan()
    {
        SplitLines();
        if (_lines.Count == 0)
        {
            return null;
        }

        var first = _lines[0];
        if (first.Indent != 0 || _text[first.Start] == '-' && _text.AsSpan(first.Start).StartsWith("---"))
        {
            return null;
        }

        var root = Node(0, first.Start);
        return _line < _lines.Count ? null : root;
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
                i = _text.IndexOf('#', i, end - i);
                if (i < 0)
                {
                    break;
                }

                if (i == first || _text[i - 1] == ' ')
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

    // A node whose first character is at text index p on line l; consumes its lines. Null: left to YamlDotNet.
    private YamlNode? Node(int l, int p)
    {
        var end = _lines[l].End;
        var c = _text[p];
        if (c == '-' && (p + 1 == end || _text[p + 1] == ' '))
        {
            return Sequence(l, p);
        }

        if (c == '[')
        {
            var flow = Flow(l, p, out var after);
            _line = l + 1;
            return after == end ? flow : null;
        }

        if (!PlainStart(p, end))
        {
            return null;
        }

        if (Key(p, end) >= 0)
        {
            return Mapping(l, p);
        }

        // A plain scalar filling the rest of the line (it holds no ": ", or Key would have found it).
        _line = l + 1;
        return NewScalar(l, p, end);
    }

    private YamlSequenceNode? Sequence(int l, int p)
    {
        var column = Column(l, p);
        var mark = At(l, p);
        var bottom = _items.Count;
        while (true)
        {
            var end = _lines[l].End;
            var item = p + 1;
            while (item < end && _text[item] == ' ')
            {
                item++;
            }

            var node = item < end ? Node(l, item)
                : l + 1 < _lines.Count && _lines[l + 1].Indent > column ? Node(l + 1, _lines[l + 1].Start)
                : null; // an empty item
            if (node is null)
            {
                return null;
            }

            _items.Add(node);

            if (_line >= _lines.Count || _lines[_line].Indent < column)
            {
                break;
            }

            var next = _lines[_line];
            if (next.Indent > column)
            {
                return null;
            }

            if (!IsEntry(next.Start, next.End))
            {
                break; // the parent mapping's next key, when the sequence sits at its key's indentation
            }

            l = _line;
            p = next.Start;
        }

        return new YamlSequenceNode(mark, Take(_items, bottom));
    }

    private YamlMappingNode? Mapping(int l, int p)
    {
        var column = Column(l, p);
        var mark = At(l, p);
        var bottom = _pairs.Count;
        while (true)
        {
            var end = _lines[l].End;
            var colon = Key(p, end);
            if (colon < 0 || !PlainStart(p, end))
            {
                return null;
            }

            var keyEnd = colon;
            while (_text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            var key = NewScalar(l, p, keyEnd);
            if (IsDuplicate(key.Value, bottom))
            {
                return null; // YamlDotNet's error names the key
            }

            var value = colon + 1;
            while (value < end && _text[value] == ' ')
            {
                value++;
            }

            // "key: - x" and "key: other: x" are errors YamlDotNet reports.
            var node = value < end ? (IsEntry(value, end) || Key(value, end) >= 0 ? null : Node(l, value))
                : l + 1 < _lines.Count && (_lines[l + 1].Indent > column
                    || _lines[l + 1].Indent == column && IsEntry(_lines[l + 1].Start, _lines[l + 1].End)) ? Node(l + 1, _lines[l + 1].Start)
                : null; // an empty value
            if (node is null)
            {
                return null;
            }

            _pairs.Add(new(key, node));

            if (_line >= _lines.Count || _lines[_line].Indent < column)
            {
                break;
            }

            if (_lines[_line].Indent > column)
            {
                return null;
            }

            l = _line;
            p = _lines[l].Start;
        }

        return new YamlMappingNode(mark, Take(_pairs, bottom));
    }

    // A one-line flow sequence starting at '[' (index p); `after` is the index after its ']', or -1 (then null: left to YamlDotNet).
    private YamlSequenceNode? Flow(int l, int p, out int after)
    {
        after = -1;
        var end = _lines[l].End;
        var mark = At(l, p);
        var bottom = _items.Count;
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
                return null;
            }

            if (_text[p] == ']' && first)
            {
                break;
            }

            if (_text[p] == '[')
            {
                var inner = Flow(l, p, out p);
                if (inner is null)
                {
                    return null;
                }

                _items.Add(inner);
            }
            else
            {
                var start = p;
                while (p < end && _text[p] is not (',' or ']'))
                {
                    if (_text[p] is '[' or '{' or '}' or ':' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '?')
                    {
                        return null;
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
                    return null;
                }

                _items.Add(NewScalar(l, start, last));
            }

            while (p < end && _text[p] == ' ')
            {
                p++;
            }

            if (p >= end)
            {
                return null;
            }

            first = false;
            if (_text[p] == ']')
            {
                break;
            }

            if (_text[p] != ',')
            {
                return null;
            }

            p++;
        }

        after = p + 1;
        return new YamlSequenceNode(mark, Take(_items, bottom));
    }

    private YamlScalarNode NewScalar(int l, int start, int end) => new(At(l, start), _text[start..end]);

    // Whether an open mapping (its pairs from `bottom` on) already has this key.
    private bool IsDuplicate(string key, int bottom)
    {
        for (var i = bottom; i < _pairs.Count; i++)
        {
            if (((YamlScalarNode)_pairs[i].Key).Value == key)
            {
                return true;
            }
        }

        return false;
    }

    // The nodes from `bottom` up, moved off the stack into an array of their own.
    private static T[] Take<T>(List<T> stack, int bottom)
    {
        var taken = new T[stack.Count - bottom];
        stack.CopyTo(bottom, taken, 0, taken.Length);
        stack.RemoveRange(bottom, taken.Length);
        return taken;
    }

    // The index of the ':' that ends a block mapping key starting at p, or -1.
    private int Key(int p, int end)
    {
        for (var i = p; i < end; i++)
        {
            i = _text.IndexOf(':', i, end - i);
            if (i < 0 || i + 1 == end || _text[i + 1] == ' ')
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

    // YamlDotNet's marks: 1-based line and column.
    private YamlMark At(int l, int p) => new(_lines[l].Number, Column(l, p) + 1);
}
