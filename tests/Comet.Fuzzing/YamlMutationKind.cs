namespace Comet.Fuzzing;

/// <summary>The kinds of damage <see cref="YamlMutator"/> does to an input file.</summary>
public enum YamlMutationKind
{
    /// <summary>A key and its whole value are removed.</summary>
    DeleteKey,

    /// <summary>A key and its value are repeated right after themselves.</summary>
    DuplicateKey,

    /// <summary>A key is misspelled (a letter dropped, doubled or swapped).</summary>
    RenameKey,

    /// <summary>A scalar becomes a value of another type (text, list, mapping, boolean, null, NaN).</summary>
    RetypeValue,

    /// <summary>A number (alone or inside a scalar such as <c>M=[4,1,1]</c>) becomes 0.</summary>
    ZeroNumber,

    /// <summary>A number becomes negative.</summary>
    NegativeNumber,

    /// <summary>A number becomes huge (past 32 bits, at or past 64 bits, or 1e300).</summary>
    HugeNumber,

    /// <summary>A number becomes fractional.</summary>
    FractionalNumber,

    /// <summary>A name inside a scalar (a constant, a level, a tensor) is misspelled.</summary>
    RenameIdentifier,

    /// <summary>The file is cut short at a random byte.</summary>
    Truncate,

    /// <summary>A few random bytes are changed.</summary>
    ByteFlip,
}
