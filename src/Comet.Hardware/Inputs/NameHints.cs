namespace Comet.Hardware.Inputs;

/// <summary>Finds the nearest valid name for "did you mean" hints.</summary>
public static class NameHints
{
    /// <summary>Returns the candidate closest to <paramref name="name"/> by edit distance, or null when none is within <paramref name="maxDistance"/>.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates, int maxDistance = int.MaxValue)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>Formats a hint naming the nearest candidate, or null when there are none.</summary>
    public static string? DidYouMean(string name, IEnumerable<string> candidates)
    {
        var nearest = Nearest(name, candidates);
        return nearest is null ? null : $"did you mean '{nearest}'?";
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
