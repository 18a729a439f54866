namespace Comet.Fuzzing;

/// <summary>A deterministic sequence of fuzz cases: case <c>i</c> depends only on the seed, <c>i</c> and the corpus, so any one can be regenerated alone.</summary>
public sealed class FuzzPlan
{
    private readonly IReadOnlyList<FuzzInputSet> _corpus;

    /// <summary>Creates a plan over <paramref name="corpus"/> (at least one case) with <paramref name="seed"/>.</summary>
    public FuzzPlan(IReadOnlyList<FuzzInputSet> corpus, int seed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0)
        {
            throw new ArgumentException("the fuzz corpus is empty", nameof(corpus));
        }

        _corpus = corpus;
        Seed = seed;
    }

    /// <summary>The plan's seed.</summary>
    public int Seed { get; }

    /// <summary>Builds case <paramref name="index"/>: which reference case, which file, which mutation.</summary>
    public FuzzCase Case(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        // A private stream per case (not one shared stream) keeps cases independent of each other and of the order they run in.
        var random = new Random(unchecked((Seed * 1_000_003) + index));
        var inputs = _corpus[random.Next(_corpus.Count)];
        var file = FuzzInputSet.FileNames[random.Next(FuzzInputSet.FileNames.Count)];
        var mutation = YamlMutator.Mutate(inputs.Files[file], random);
        return new FuzzCase(Seed, index, inputs, file, mutation);
    }
}
