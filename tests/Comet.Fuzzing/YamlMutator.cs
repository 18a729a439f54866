using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comet.Fuzzing;

/// <summary>Damages YAML input files the way people and tools do: deleted, duplicated, misspelled and re-typed keys, bad numbers, truncation, flipped bytes.</summary>
/// <remarks>
/// Edits are made on the text at the positions YamlDotNet reports, so everything else (comments, layout) stays as it
/// was and the damaged file looks like a real one. All randomness comes from the <see cref="Random"/> passed in.
/// </remarks>
public static partial class YamlMutator
{
    private static readonly string[] HugeNumbers =
        ["4294967296", "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999999", "1e300", "4611686018427387904"];

    private static readonly string[] FractionalSuffixes = [".5", ".25", ".999"];

    private static readonly string[] Retypes =
        ["abc", "[1, 2]", "{a: 1}", "true", "~", "\"\"", "NaN", ".inf", "-.inf", "0x1F", "[]", "{}", "1 2"];

    /// <summary>Every kind, with the weight it is drawn with.</summary>
    public static readonly IReadOnlyList<(YamlMutationKind Kind, int Weight)> Weights =
    [
        (YamlMutationKind.DeleteKey, 15),
        (YamlMutationKind.DuplicateKey, 8),
        (YamlMutationKind.RenameKey, 7),
        (YamlMutationKind.RetypeValue, 12),
        (YamlMutationKind.ZeroNumber, 10),
        (YamlMutationKind.NegativeNumber, 10),
        (YamlMutationKind.HugeNumber, 12),
        (YamlMutationKind.FractionalNumber, 8),
        (YamlMutationKind.RenameIdentifier, 6),
        (YamlMutationKind.Truncate, 6),
        (YamlMutationKind.ByteFlip, 6),
    ];

    /// <summary>Applies one mutation of a kind drawn by weight; falls back to byte-level damage when the text offers no target for it.</summary>
    public static YamlMutation Mutate(string text, Random random)
    {
        var total = Weights.Sum(w => w.Weight);
        var pick = random.Next(total);
        foreach (var (kind, weight) in Weights)
        {
            if (pick < weight)
            {
                return Mutate(text, kind, random);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("unreachable: weights cover the draw");
    }

    /// <summary>Applies one mutation of <paramref name="kind"/> to <paramref name="text"/>.</summary>
    public static YamlMutation Mutate(string text, YamlMutationKind kind, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        if (kind is YamlMutationKind.Truncate)
        {
            return Truncate(text, random);
        }

        if (kind is YamlMutationKind.ByteFlip)
        {
            return FlipBytes(text, random);
        }

        var targets = YamlTargets.Collect(text);
        if (targets is null)
        {
            // Not YAML to begin with: only byte-level damage makes sense.
            return random.Next(2) == 0 ? Truncate(text, random) : FlipBytes(text, random);
        }

        var result = kind switch
        {
            YamlMutationKind.DeleteKey => DeleteKey(text, targets, random),
            YamlMutationKind.DuplicateKey => DuplicateKey(text, targets, random),
            YamlMutationKind.RenameKey => RenameKey(text, targets, random),
            YamlMutationKind.RetypeValue => Retype(text, targets, random),
            YamlMutationKind.RenameIdentifier => RenameIdentifier(text, targets, random),
            _ => Number(text, targets, kind, random),
        };
        return result ?? FlipBytes(text, random);
    }

    private static YamlMutation Truncate(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        return new YamlMutation(YamlMutationKind.Truncate, $"Truncate at byte {at} of {bytes.Length}", bytes[..at]);
    }

    private static YamlMutation FlipBytes(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return new YamlMutation(YamlMutationKind.ByteFlip, "ByteFlip of an empty file: one byte 0xFF", [0xFF]);
        }

        var count = 1 + random.Next(4);
        var changes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(bytes.Length);
            var before = bytes[at];

            // Half the time a single bit (subtle), half the time a random byte (anything, including NUL and invalid UTF-8).
            bytes[at] = random.Next(2) == 0 ? (byte)(before ^ (1 << random.Next(8))) : (byte)random.Next(256);
            changes.Add($"{at}:0x{before:X2}->0x{bytes[at]:X2}");
        }

        return new YamlMutation(YamlMutationKind.ByteFlip, $"ByteFlip {string.Join(' ', changes)}", bytes);
    }

    private static YamlMutation? DeleteKey(string text, YamlTargets targets, Random random)
    {
        if (targets.Pairs.Count == 0)
        {
            return null;
        }

        var pair = targets.Pairs[random.Next(targets.Pairs.Count)];
        var (start, end) = PairSpan(text, pair);
        var mutated = text[..start] + text[end..];
        return Make(YamlMutationKind.DeleteKey, $"DeleteKey {pair.Path} at {pair.Line}:{pair.Column}", mutated);
    }

    private static YamlMutation? DuplicateKey(string text, YamlTargets targets, Random random)
    {
        var candidates = targets.Pairs.Where(p => !p.InFlow).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var pair = candidates[random.Next(candidates.Count)];
        var (start, end) = PairSpan(text, pair);
        var lineStart = LineStart(text, pair.KeyStart);

        // The copy starts with the key's indentation (a leading "- " of a list item becomes spaces, so the copy is a sibling key).
        var indent = new string(' ', pair.KeyStart - lineStart);
        var block = text[pair.KeyStart..end];
        var copy = (end > 0 && text[end - 1] == '\n' ? string.Empty : "\n") + indent + block;
        if (!copy.EndsWith('\n'))
        {
            copy += "\n";
        }

        var insertAt = end;
        var mutated = text[..insertAt] + copy + text[insertAt..];
        return Make(YamlMutationKind.DuplicateKey, $"DuplicateKey {pair.Path} at {pair.Line}:{pair.Column}", mutated);
    }

    private static YamlMutation? RenameKey(string text, YamlTargets targets, Random random)
    {
        var candidates = targets.Pairs.Where(p => p.Key.Length > 0 && p.KeyPlain).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var pair = candidates[random.Next(candidates.Count)];
        var renamed = Misspell(pair.Key, random);
        var mutated = text[..pair.KeyStart] + renamed + text[(pair.KeyStart + pair.Key.Length)..];
        return Make(YamlMutationKind.RenameKey, $"RenameKey {pair.Path} at {pair.Line}:{pair.Column}: '{pair.Key}' -> '{renamed}'", mutated);
    }

    private static YamlMutation? Retype(string text, YamlTargets targets, Random random)
    {
        if (targets.Scalars.Count == 0)
        {
            return null;
        }

        var scalar = targets.Scalars[random.Next(targets.Scalars.Count)];
        var replacement = Retypes[random.Next(Retypes.Length)];
        return Replace(text, YamlMutationKind.RetypeValue, scalar, scalar.Start, scalar.End, replacement);
    }

    private static YamlMutation? RenameIdentifier(string text, YamlTargets targets, Random random)
    {
        var tokens = targets.Scalars
            .SelectMany(s => IdentifierPattern().Matches(text[s.Start..s.End]).Select(m => (Scalar: s, Match: m)))
            .ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var (scalar, match) = tokens[random.Next(tokens.Count)];
        var at = scalar.Start + match.Index;
        return Replace(text, YamlMutationKind.RenameIdentifier, scalar, at, at + match.Length, Misspell(match.Value, random));
    }

    private static YamlMutation? Number(string text, YamlTargets targets, YamlMutationKind kind, Random random)
    {
        var tokens = targets.Scalars
            .SelectMany(s => NumberPattern().Matches(text[s.Start..s.End]).Select(m => (Scalar: s, Match: m)))
            .ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var (scalar, match) = tokens[random.Next(tokens.Count)];
        var at = scalar.Start + match.Index;
        var original = match.Value;
        var replacement = kind switch
        {
            YamlMutationKind.ZeroNumber => "0",
            YamlMutationKind.NegativeNumber => random.Next(2) == 0 ? "-1" : "-" + original,
            YamlMutationKind.HugeNumber => HugeNumbers[random.Next(HugeNumbers.Length)],
            YamlMutationKind.FractionalNumber => random.Next(3) == 0 ? "0.5" : original + FractionalSuffixes[random.Next(FractionalSuffixes.Length)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a number mutation"),
        };
        return Replace(text, kind, scalar, at, at + match.Length, replacement);
    }

    private static YamlMutation Replace(string text, YamlMutationKind kind, YamlScalarTarget scalar, int start, int end, string replacement)
    {
        var mutated = text[..start] + replacement + text[end..];
        return Make(kind, $"{kind} {scalar.Path} at {scalar.Line}:{scalar.Column}: '{text[start..end]}' -> '{replacement}'", mutated);
    }

    private static YamlMutation Make(YamlMutationKind kind, string description, string mutated)
        => new(kind, description, Encoding.UTF8.GetBytes(mutated));

    private static string Misspell(string name, Random random)
    {
        if (name.Length == 1)
        {
            return name + name;
        }

        var i = random.Next(name.Length);
        return random.Next(4) switch
        {
            0 => name.Remove(i, 1),
            1 => name.Insert(i, name[i].ToString()),
            2 when i + 1 < name.Length => name[..i] + name[i + 1] + name[i] + name[(i + 2)..],
            _ => name + "X",
        };
    }

    /// <summary>The text range of a key and its whole value, widened to whole lines where the pair starts its line.</summary>
    private static (int Start, int End) PairSpan(string text, YamlPairTarget pair)
    {
        var lineStart = LineStart(text, pair.KeyStart);
        var onlyIndentBefore = text[lineStart..pair.KeyStart].All(c => c == ' ');
        var start = pair.InFlow || !onlyIndentBefore ? pair.KeyStart : lineStart;

        // The value's end mark may sit on the next key's line: stop after the last non-blank character before it.
        var last = Math.Max(pair.ValueEnd - 1, pair.KeyStart);
        while (last > pair.KeyStart && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        if (pair.InFlow)
        {
            var end = last + 1;
            if (end < text.Length && text[end] == ',')
            {
                end++;
            }

            return (start, end);
        }

        var lineEnd = text.IndexOf('\n', last);
        return (start, lineEnd < 0 ? text.Length : lineEnd + 1);
    }

    private static int LineStart(string text, int index)
    {
        var newline = index == 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return newline + 1;
    }

    [GeneratedRegex(@"(?<![A-Za-z_0-9])[0-9]+(?![A-Za-z_0-9])")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<![A-Za-z_0-9])[A-Za-z_][A-Za-z_0-9]*")]
    private static partial Regex IdentifierPattern();
}
